package org.trellis.rl.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.rl.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.rl.Cli.Outcome;

/** What an agent trained on: recorded by training (resumes included), and kept out of its evaluation. */
class TrainedPeriodTest {
    private static String trainedTo(Path model) throws Exception {
        return new ObjectMapper().readTree(model.resolve("model.json").toFile()).at("/data/to").asText();
    }

    private static JsonNode run(Path dir, Path model, String marketParams) throws Exception {
        Path script = dir.resolve("eval.groovy");
        Files.writeString(script, "strategy('agent') {\n    market 'binary-15m', assets: 'btc', windows: 12, 'tick-seconds': 15"
                + marketParams + "\n    model 'rl-temporal', path: '" + model + "'\n}\n");
        Path json = dir.resolve("r.json");
        Outcome o = trellis("run", script.toString(), "--no-journal", "--quiet", "--report-json", json.toString());
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(json.toFile()).at("/market");
    }

    @Test
    void evaluationStartsAfterTheTrainedPeriodWhichAResumeNeverShortens(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("agent");
        String[] train = {"train", "rl-temporal", "--markets", "btc", "--tick-seconds", "15", "--out", model.toString(), "--no-journal"};
        Outcome two = trellis(concat(train, "--updates", "2"));
        assertEquals(0, two.code(), two.err());
        String to = trainedTo(model);
        // 2 updates x 256 one-asset steps of 15 s from the tape's first window (2013-11-25T00:00Z): ~2 h 8 min (a step is
        // recorded when its next tick arrives, so the last tick trained on is a tick or two later)
        long seconds = Instant.parse(to).getEpochSecond() - Instant.parse("2013-11-25T00:00:00Z").getEpochSecond();
        assertTrue(seconds >= 2 * 256 * 15 - 15 && seconds <= 2 * 256 * 15 + 30, to);

        Outcome resumed = trellis(concat(train, "--updates", "1", "--resume", model.toString()));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(to, trainedTo(model), "the resumed run trained on the same first hour again: the period stays the longer one");

        JsonNode outOfSample = run(dir, model, "");
        assertEquals("2013-11-25T02:15:00Z", outOfSample.at("/evaluated from").asText(), "the first window after " + to);
        assertTrue(outOfSample.at("/out of sample").asText().contains(to));

        JsonNode inSample = run(dir, model, ", from: '2013-11-25T01:00:00Z'");
        assertTrue(inSample.at("/IN SAMPLE").asText().contains("not out of sample"), inSample.toString());

        JsonNode synthetic = run(dir, model, ", 'synthetic-btc': true");
        assertFalse(synthetic.has("out of sample"), "synthetic markets are not the tape the agent trained on: " + synthetic);
        assertEquals("2024-01-01T00:00:00Z", synthetic.at("/evaluated from").asText());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
