package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.testing.Cli.Outcome;

/** A script's train statements: a missing model is trained before the strategies are set up, an existing one reused. */
class TrainStatementTest {
    @TempDir
    Path dir;

    private Path script(String trainLine) throws Exception {
        return Files.writeString(dir.resolve("s.groovy"), trainLine + "\n"
                + "strategy('cross') {\n  data 'btc-usd-1h'\n  model 'sma-cross', fast: 5, slow: 20\n}\n");
    }

    @Test
    void aMissingModelIsTrainedOnceWithTheStatementsOptionsThenReused() throws Exception {
        Path model = dir.resolve("m.txt");
        Path s = script("train 'recording', out: '" + model + "', data: 'btc-usd-1h', seqLength: 3, quick: true, slow: false");

        Outcome check = trellis("check", s.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().startsWith("ok  " + s + ": 1 strategy: parts, parameters and data checked; the models are not "
                + "trained yet"), check.out());
        assertTrue(check.out().contains("its first run trains 1 model(s) first") && check.out().contains("recording"), check.out());
        Outcome lookahead = trellis("check", "lookahead", s.toString());
        assertEquals(4, lookahead.code(), "a look-ahead check that could not check says so in its exit code");
        assertTrue(lookahead.out().startsWith("NOT CHECKED " + s + ": its first run trains 1 model(s) first"), lookahead.out());
        assertTrue(lookahead.out().contains("not checked: 1 script(s) whose models are not trained yet"), lookahead.out());
        assertFalse(Files.exists(model), "checks train nothing");

        Outcome first = trellis("run", s.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("s.groovy:1: no model at " + model + " yet: training it"), first.err());
        assertEquals("--data btc-usd-1h --seq-length 3 --quick", Files.readString(model));

        Files.writeString(model, "kept");
        Outcome second = trellis("run", s.toString(), "--quiet");
        assertEquals(0, second.code(), second.err());
        assertFalse(second.err().contains("training it"), second.err());
        assertTrue(second.err().contains("s.groovy:1: using the recording model at " + model + " (delete it to train it again)"),
                second.err());
        assertEquals("kept", Files.readString(model), "an existing model is reused, never retrained");
    }

    @Test
    void checkStillChecksThePartsOfAScriptWhoseModelsAreNotTrained() throws Exception {
        // a value the compiler cannot see: checked when the block is validated
        Path s = Files.writeString(dir.resolve("bad.groovy"), "train 'recording', out: '" + dir.resolve("m.txt") + "'\n"
                + "int fast = -5\nstrategy('cross') {\n  data 'btc-usd-1h'\n  model 'sma-cross', fast: fast, slow: 20\n}\n");
        Outcome check = trellis("check", s.toString());
        assertEquals(2, check.code(), check.out());
        assertTrue(check.err().contains("bad.groovy:5") && check.err().contains("fast"), check.err());
        assertFalse(Files.exists(dir.resolve("m.txt")));
    }

    @Test
    void aFailedTrainingStopsTheRunAtItsLine() throws Exception {
        Path s = script("train 'recording', out: '" + dir.resolve("m.txt") + "', fail: true");
        Outcome o = trellis("run", s.toString(), "--quiet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("s.groovy:1: training 'recording' failed (exit code 1"), o.err());
        assertFalse(o.out().contains("Backtest"), "nothing ran");
    }

    @Test
    void anUnknownFamilyOrNoOutIsAnErrorAtItsLine() throws Exception {
        Outcome unknown = trellis("run", script("train 'recordin', out: '" + dir.resolve("m") + "'").toString(), "--quiet");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("s.groovy:1: no trainer for 'recordin'; available: ") && unknown.err().contains("recording"),
                unknown.err());
        Outcome noOut = trellis("run", script("train 'recording', data: 'btc-usd-1h'").toString(), "--quiet");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("s.groovy:1: train 'recording' needs out:"), noOut.err());
    }
}
