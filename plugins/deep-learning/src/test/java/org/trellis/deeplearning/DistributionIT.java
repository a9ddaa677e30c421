package org.trellis.deeplearning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin through the launcher: its parts load from plugins/trellis-deep-learning.jar in
 * their own class loader (DJL and the ML runtime shared from the framework), and a user can train on
 * MXNet, list, predict and trade with a model.
 */
class DistributionIT {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theLauncherTrainsListsPredictsAndTradesWithTheFolderPlugin(@TempDir Path dir) throws Exception {
        JsonNode parts = new ObjectMapper().readTree(launcher("plugins", "--json")).get("parts");
        TreeSet<String> ours = new TreeSet<>();
        for (JsonNode row : parts) {
            if (row.get("plugin").asText().equals("deep-learning")) {
                assertEquals("plugins/trellis-deep-learning.jar", row.get("location").asText());
                assertEquals("loaded", row.get("status").asText(), row.toString());
                ours.add(row.get("kind").asText() + " " + row.get("name").asText());
            }
        }
        assertEquals(new TreeSet<>(List.of("feature set candles", "strategy lstm", "strategy transformer")), ours);
        assertTrue(launcher("train").contains("deep-learning"));

        Path model = dir.resolve("models/tf-eth");
        String trained = launcher("train", "deep-learning", "--model", "transformer", "--engine", "MXNet", "--data", "eth-usd-5m",
                "--epochs", "2", "--d-model", "8", "--heads", "2", "--layers", "1", "--ff", "16", "--window", "10",
                "--out", model.toString());
        assertTrue(trained.contains("Saved") && trained.contains("MXNet"), trained);
        assertTrue(launcher("models", "--dir", dir.resolve("models").toString()).contains("tf-eth"));

        Path script = dir.resolve("tf.groovy");
        Files.writeString(script, "strategy('tf') {\n    data 'eth-usd-5m'\n    model 'transformer', path: '" + model
                + "', buy: 0.5, sell: 0.5\n}\n");
        String report = launcher("run", script.toString(), "--no-journal");
        assertTrue(report.contains("Backtest: tf") && report.contains("Sharpe"), report);
    }

    /** Runs ./trellis with {@code args} from the checkout's root; returns what it printed on stdout. */
    private static String launcher(String... args) throws Exception {
        Path out = Files.createTempFile("trellis", ".out");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("trellis").toString()));
        command.addAll(List.of(args));
        ProcessBuilder launcher = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        launcher.environment().put("TRELLIS_NO_BUILD", "1"); // this build has just made what it runs
        Process p = launcher.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "trellis " + String.join(" ", args) + " finished");
        assertEquals(0, p.exitValue(), "trellis " + String.join(" ", args) + ":\n" + Files.readString(out));
        return Files.readString(out);
    }
}
