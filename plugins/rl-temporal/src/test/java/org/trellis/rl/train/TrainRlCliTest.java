package org.trellis.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.rl.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.rl.Cli.Outcome;
import org.trellis.rl.model.AgentModel;

/** {@code trellis train rl-temporal} through the real CLI, with tiny settings: 2 synthetic markets, 30-second ticks, buffer 16. */
class TrainRlCliTest {
    /** A tiny run of {@code updates} updates into {@code out}, with extra options. */
    static Outcome train(Path out, int updates, String... extra) {
        List<String> args = Stream.concat(Stream.of("train", "rl-temporal", "--markets", "eth,sol", "--updates", String.valueOf(updates),
                "--buffer", "16", "--minibatch", "8", "--epochs", "2", "--tick-seconds", "30", "--engine", "pytorch", "--out",
                out.toString()), Stream.of(extra)).toList();
        return trellis(args.toArray(new String[0]));
    }

    /** A models predict input: one sample, a single state (half the window left, everything else 0). */
    static Path oneStateInput(Path dir) throws java.io.IOException {
        return Files.writeString(dir.resolve("in.json"), "{\"inputs\": [[[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0.5,0,0]]]}");
    }

    @Test
    void trainsSavesALoadableAgentAndResumesIt(@TempDir Path dir) throws Exception {
        Path agent = dir.resolve("agent");
        Outcome trained = train(agent, 2, "--seed", "7");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("seed 7"), trained.err());
        assertTrue(trained.err().contains("update 1/2  policy") && trained.err().contains("update 2/2  policy"), trained.err());
        assertTrue(trained.err().contains("trades ") && trained.err().contains("win ") && trained.err().contains("EV "), trained.err());
        assertTrue(trained.out().contains("Saved " + agent + " after 2 of 2 updates:"), trained.out());

        AgentModel saved = AgentModel.open(agent);
        assertTrue(saved.metadata().data().source().contains("after update 2 of 2 (done)"), saved.metadata().data().source());
        assertEquals(32, saved.rewardStats().count(), "the reward statistics took in both buffers");

        Path input = oneStateInput(dir);
        Outcome predicted = trellis("models", "predict", agent.toString(), "--input", input.toString());
        assertEquals(0, predicted.code(), predicted.err());
        JsonNode output = new ObjectMapper().readTree(predicted.out()).get("outputs").get(0);
        assertEquals(1.0, output.get(0).asDouble() + output.get(1).asDouble() + output.get(2).asDouble(), 1e-5);

        Path resumed = dir.resolve("resumed");
        Outcome again = train(resumed, 1, "--seed", "8", "--resume", agent.toString());
        assertEquals(0, again.code(), again.err());
        AgentModel continued = AgentModel.open(resumed);
        assertEquals(48, continued.rewardStats().count(), "resumed with the saved reward statistics");
        assertFalse(java.util.Arrays.equals(continued.weights().values("actor.fc3.weight"), saved.weights().values("actor.fc3.weight")),
                "the resumed run trained on");
    }

    @Test
    void theSameSeedGivesTheSameWeights(@TempDir Path dir) {
        for (String name : List.of("a", "b", "c")) {
            Outcome run = train(dir.resolve(name), 2, "--seed", name.equals("c") ? "12" : "11");
            assertEquals(0, run.code(), run.err());
        }
        String a = AgentModel.open(dir.resolve("a")).metadata().weights().sha256();
        assertEquals(a, AgentModel.open(dir.resolve("b")).metadata().weights().sha256(), "same seed, same weights");
        assertFalse(a.equals(AgentModel.open(dir.resolve("c")).metadata().weights().sha256()), "another seed, other weights");
    }

    @Test
    void badOptionsAreRefusedByName(@TempDir Path dir) {
        Outcome unknown = trellis("train", "rl-temporal", "--markets", "eth,doge", "--out", dir.resolve("m").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--markets") && unknown.err().contains("doge"), unknown.err());
        Outcome tick = trellis("train", "rl-temporal", "--markets", "eth", "--tick-seconds", "7", "--out", dir.resolve("m").toString());
        assertEquals(2, tick.code());
        assertTrue(tick.err().contains("--tick-seconds must divide 900"), tick.err());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing written");
    }
}
