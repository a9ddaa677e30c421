package org.trellis.contrastive.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.contrastive.model.TransformerAgentConfig;
import org.trellis.runtime.cli.Main;

/** {@code trellis tune contrastive}: a seeded search that prints the same ranked table every time. */
class TuneContrastiveTest {
    static String[] tune(Path json) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"tune", "contrastive", "--data", "synthetic:bars=1000,seed=5", "--engine", "PyTorch",
                "--trials", "2", "--contrastive-epochs", "1", "--probe-epochs", "1", "--batch", "128", "--seed", "4", "--json",
                json.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void twoRunsWithOneSeedRankTheSameTrialsTheSameWay(@TempDir Path dir) throws Exception {
        String[] first = tune(dir.resolve("a.json"));
        String[] second = tune(dir.resolve("b.json"));
        String table = first[0].substring(0, first[0].indexOf("Wrote"));
        assertEquals(table, second[0].substring(0, second[0].indexOf("Wrote")), "same seed, same table and best command");
        assertTrue(first[1].contains("tune trial 1/2") && first[1].contains("tune trial 2/2") && first[1].contains("val loss"),
                "a line per trial with its held-out score: " + first[1]);

        JsonNode a = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        JsonNode b = new ObjectMapper().readTree(dir.resolve("b.json").toFile());
        assertEquals(a.get("trials"), b.get("trials"));
        assertEquals(2, a.get("trials").size());
        List<Double> scores = new ArrayList<>();
        for (JsonNode t : a.get("trials")) {
            assertEquals(3, t.get("folds").size(), "3 purged folds per trial");
            double mean = 0;
            for (JsonNode f : t.get("folds")) {
                mean += f.get("logLoss").asDouble() / 3;
                assertTrue(f.get("testWindows").asInt() > 0 && f.get("trainWindows").asInt() > 0, f.toString());
            }
            assertEquals(mean, t.get("log_loss").asDouble(), 1e-12, "the score is the mean held-out log loss");
            assertTrue(t.get("heads").asInt() > 0 && t.get("d_model").asInt() % t.get("heads").asInt() == 0, t.toString());
            scores.add(t.get("log_loss").asDouble());
        }
        assertTrue(scores.get(0) <= scores.get(1), "best first: " + scores);
        String best = a.get("trials").get(0).get("command").asText();
        assertTrue(table.contains(best), "the best trial's train command is printed: " + table);
        assertTrue(best.startsWith("./trellis train contrastive --data synthetic:bars=1000,seed=5 --engine PyTorch --seed 4 --window 10")
                && best.contains("--d-model " + a.get("trials").get(0).get("d_model").asInt()), best);
    }

    @Test
    void theSearchStaysInTheSpecsSpace() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            TransformerAgentConfig c = SearchSpace.sample(random, 10);
            assertTrue(List.of(96, 128, 144, 192).contains(c.dModel()), c.toString());
            assertTrue(List.of(2, 4, 8).contains(c.heads()) && c.dModel() % c.heads() == 0, c.toString());
            assertTrue(c.layers() >= 2 && c.layers() <= 4, c.toString());
            assertTrue(c.learningRate() >= 1e-4 && c.learningRate() <= 6e-4, c.toString());
            assertTrue(c.dropout() >= 0.05f && c.dropout() <= 0.20f, c.toString());
            assertEquals(4 * c.dModel(), c.feedForward());
        }
    }
}
