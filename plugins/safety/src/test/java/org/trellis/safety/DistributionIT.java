package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The distribution as a user gets it, checked after {@code package}: the build has put this plugin
 * at plugins/trellis-safety.jar, the launcher (framework only on its classpath) loads it from there
 * like a third party's, and the example scripts that use its guards check and run.
 */
class DistributionIT {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theLauncherLoadsTheSafetyGuardsFromThePluginsFolder() throws Exception {
        Path jar = ROOT.resolve("plugins/trellis-safety.jar");
        assertTrue(Files.isRegularFile(jar), "the build packages the plugin into " + jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.getEntry("META-INF/trellis-plugin.properties") != null);
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("org/trellis/api/")), "the API is not copied in");
        }
        String listing = launcher("plugins", "--json");
        List<String> safety = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(listing).get("parts")) {
            if (row.get("plugin").asText().equals("safety")) {
                assertEquals("plugins/trellis-safety.jar", row.get("location").asText());
                safety.add(row.get("name").asText() + " " + row.get("status").asText());
            }
        }
        List<String> expected = new ArrayList<>();
        for (String g : List.of("circuit-breaker", "confidence-floor", "cooldown", "daily-loss", "exposure", "kill-switch",
                "loss-streak", "low-profit", "max-age", "max-positions", "pre-expiry", "stale-book", "stop-loss", "stoploss-guard",
                "take-profit", "trailing-stop")) {
            expected.add(g + " loaded");
        }
        assertEquals(expected, safety);
    }

    /** The example scripts use the safety guards: they must check, and the README's main job must run. */
    @Test
    void theExampleScriptsCheckAndTheMainJobRunsThroughTheLauncher() throws Exception {
        List<String> scripts = new ArrayList<>(List.of("check"));
        try (var files = Files.list(ROOT.resolve("strategies"))) {
            files.filter(f -> f.toString().endsWith(".groovy")).sorted().forEach(f -> scripts.add(ROOT.relativize(f).toString()));
        }
        assertTrue(scripts.size() > 3, "example scripts exist: " + scripts);
        String checked = launcher(scripts.toArray(new String[0]));
        assertEquals(scripts.size() - 1, checked.lines().filter(l -> l.startsWith("ok  ")).count(), checked);
        // scripts that train models on first use are checked for look-ahead by ProfilesIT, once trained
        List<String> ready = new ArrayList<>();
        for (String script : scripts.subList(1, scripts.size())) {
            if (Files.readString(ROOT.resolve(script)).lines().noneMatch(l -> l.startsWith("train "))) {
                ready.add(script);
            }
        }
        assertTrue(ready.size() >= 3, "example scripts without models to train: " + ready);
        List<String> lookahead = new ArrayList<>(List.of("check", "lookahead"));
        lookahead.addAll(ready);
        assertTrue(launcher(lookahead.toArray(new String[0])).contains("clean: 0 of"), "the examples read no future data");
        List<String> warmup = new ArrayList<>(List.of("check", "warmup"));
        warmup.addAll(ready);
        assertTrue(launcher(warmup.toArray(new String[0])).contains("recommended"), "the warm-up check runs over the examples");
        // the model examples (strategies/models/) check too; running them needs a trained model first
        List<String> models = new ArrayList<>(List.of("check"));
        try (var files = Files.list(ROOT.resolve("strategies/models"))) {
            files.filter(f -> f.toString().endsWith(".groovy")).sorted().forEach(f -> models.add(ROOT.relativize(f).toString()));
        }
        String modelsChecked = launcher(models.toArray(new String[0]));
        assertEquals(models.size() - 1, modelsChecked.lines().filter(l -> l.startsWith("ok  ")).count(), modelsChecked);
        String report = launcher("run", "strategies/sma_cross.groovy");
        assertTrue(report.contains("Backtest: sma-cross") && report.contains("Sharpe"), report);
    }

    /**
     * The auditor plugin, loaded by the launcher in its own class loader, trains with and runs the
     * framework's XGBoost4J (a shared package): train auditor, then a backtest its guard vetoes in.
     */
    @Test
    void theLauncherTrainsAndRunsTheAuditorPluginOnTheFrameworksXgboost() throws Exception {
        Path dir = Files.createTempDirectory("trellis-auditor");
        org.trellis.runtime.data.ColumnarBarSeries btc = org.trellis.runtime.data.BundledData.bars("btc-usd-1m");
        double[] closes = new double[btc.size()];
        for (int t = 0; t < closes.length; t++) {
            closes[t] = btc.close(t);
        }
        java.util.Arrays.sort(closes);
        double median = closes[closes.length / 2];
        java.util.Random random = new java.util.Random(1);
        StringBuilder csv = new StringBuilder("sma10,confidence,direction,label\n");
        for (int i = 0; i < 500; i++) {
            double sma = closes[0] + random.nextDouble() * (closes[closes.length - 1] - closes[0]);
            csv.append(sma).append(",,").append(random.nextBoolean() ? 1 : -1).append(',').append(sma > median ? 1 : 0).append('\n');
        }
        Path labels = dir.resolve("meta.csv");
        Files.writeString(labels, csv);
        Path model = dir.resolve("auditor.json");
        String trained = launcher("train", "auditor", "--labels", labels.toString(), "--rounds", "20", "--out", model.toString());
        assertTrue(trained.contains("Saved " + model), trained);
        Path report = dir.resolve("report.json");
        launcher("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m", "--quiet", "--no-journal", "--report-json",
                report.toString(), "--guard", "xgboost:path=" + model + ",approve=0.6");
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertTrue(r.at("/vetoes/auditor-rejected").asInt() > 0, r.at("/vetoes").toString());
        String listing = launcher("plugins", "--json");
        boolean found = false;
        for (JsonNode row : new ObjectMapper().readTree(listing).get("parts")) {
            if (row.get("plugin").asText().equals("auditor") && row.get("name").asText().equals("xgboost")) {
                assertEquals("plugins/trellis-auditor.jar", row.get("location").asText());
                assertEquals("loaded", row.get("status").asText());
                found = true;
            }
        }
        assertTrue(found, listing);
    }

    /** Runs ./trellis with {@code args} from the checkout's root; returns what it printed on stdout. */
    static String launcher(String... args) throws Exception {
        return launcher(2, args);
    }

    /** {@link #launcher(String...)} allowing it {@code minutes} to finish. */
    static String launcher(int minutes, String... args) throws Exception {
        Path out = Files.createTempFile("trellis", ".out");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("trellis").toString()));
        command.addAll(List.of(args));
        ProcessBuilder launcher = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        launcher.environment().put("TRELLIS_NO_BUILD", "1"); // this build has just made what it runs
        Process p = launcher.start();
        assertTrue(p.waitFor(minutes, TimeUnit.MINUTES), "trellis " + String.join(" ", args) + " finished");
        assertEquals(0, p.exitValue(), "trellis " + String.join(" ", args) + ":\n" + Files.readString(out));
        return Files.readString(out);
    }
}
