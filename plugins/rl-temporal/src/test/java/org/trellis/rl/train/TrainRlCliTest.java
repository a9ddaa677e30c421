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
    void eachUpdateIsJournaledUnlessNoJournal(@TempDir Path dir) {
        Path journal = dir.resolve("journal.db");
        Outcome trained = train(dir.resolve("agent"), 2, "--seed", "7", "--journal", journal.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("journaling the updates as session 1 in " + journal), trained.err());

        Outcome updates = trellis("journal", "updates", "--journal", journal.toString(), "--session", "1", "--csv");
        assertEquals(0, updates.code(), updates.err());
        List<String> rows = updates.out().lines().toList();
        assertEquals("session,time,model,step,policy_loss,value_loss,entropy,approx_kl,clip_fraction,explained_variance,kl_stop,"
                + "trades,pnl,win_rate", rows.get(0));
        assertEquals(3, rows.size(), "one journaled update per PPO update: " + updates.out());
        List<String> lines = trained.err().lines().filter(l -> l.startsWith("update ") && l.contains("  policy ")).toList();
        for (int u = 1; u <= 2; u++) {
            String[] row = rows.get(u).split(",", -1);
            assertEquals(List.of("1", "rl-temporal", String.valueOf(u)), List.of(row[0], row[2], row[3]));
            // the progress line's figures, as printed there (4 decimals, PnL 2)
            List<String> line = List.of(lines.get(u - 1).split(" +"));
            assertEquals(Double.parseDouble(line.get(line.indexOf("policy") + 1)), Double.parseDouble(row[4]), 1e-4, "policy loss");
            assertEquals(Double.parseDouble(line.get(line.indexOf("entropy") + 1)), Double.parseDouble(row[6]), 1e-4, "entropy");
            assertEquals(line.get(line.indexOf("trades") + 1), row[11], "trades");
            assertEquals(Double.parseDouble(line.get(line.indexOf("PnL") + 1)), Double.parseDouble(row[12]), 0.005, "PnL");
        }
        Outcome sessions = trellis("journal", "sessions", "--journal", journal.toString(), "--csv");
        assertTrue(sessions.out().contains("\n1,rl-temporal,train,finished,7,"), sessions.out());

        Outcome quiet = train(dir.resolve("quiet"), 1, "--journal", journal.toString(), "--no-journal");
        assertEquals(0, quiet.code(), quiet.err());
        assertFalse(quiet.err().contains("journaling"), quiet.err());
        Outcome after = trellis("journal", "sessions", "--journal", journal.toString(), "--csv");
        assertEquals(2, after.out().lines().count(), "no second session: " + after.out());
        assertEquals(3, trellis("journal", "updates", "--journal", journal.toString(), "--csv").out().lines().count());
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
