package org.trellis.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.testing.Cli.Outcome;

/**
 * kill -9 in the middle of a paper session loses no trade that was reported, and running the same
 * command again resumes the session: it rebuilds the positions and continues, so that the session's
 * trades end up exactly those of a session that never crashed.
 */
class CrashRecoveryTest {
    static final String SCRIPT = """
            strategy('swing') {
                data  'btc-usd-1m'
                model 'sma-cross', fast: 10, slow: 30
            }
            """;

    record Trade(String instrument, String side, long entry, double entryPrice, long exit, double exitPrice, double pnl) {
        static Trade of(Journal.TradeRow t) {
            return new Trade(t.instrument(), t.side(), t.entryTime(), t.entryPrice(), t.exitTime(), t.exitPrice(), t.pnl());
        }
    }

    static List<Trade> trades(Path db) {
        try (Journal j = Journal.open(db)) {
            return j.trades(null).stream().map(Trade::of).toList();
        }
    }

    @Test
    void aKilledPaperSessionLosesNoTradeAndResumesWhereItWas(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("swing.groovy"), SCRIPT);

        Path reference = dir.resolve("reference.db");
        Outcome clean = trellis("run", script.toString(), "--mode", "paper", "--speed", "1e9", "--journal", reference.toString(),
                "--quiet");
        assertEquals(0, clean.code(), clean.err());
        List<Trade> expected = trades(reference);
        assertTrue(expected.size() >= 50, "enough trades to crash in the middle: " + expected.size());

        // the same session in a child JVM, replayed slowly (the week of minute bars in ~10 s), killed after some trades
        Path db = dir.resolve("crash.db");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.trellis.runtime.cli.Main", "run", script.toString(),
                "--mode", "paper", "--speed", "60000", "--journal", db.toString(), "--quiet"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        int committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (committed < 20 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (Files.exists(db)) {
                committed = trades(db).size();
            }
        }
        assertTrue(child.isAlive(), "the child was still trading when killed:\n" + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        List<Trade> beforeCrash = trades(db);
        assertTrue(beforeCrash.size() >= 20 && beforeCrash.size() < expected.size(), "crashed mid-run: " + beforeCrash.size());
        assertEquals(expected.subList(0, beforeCrash.size()), beforeCrash, "what was committed is what a clean run reports");

        // the same command again: finds the crashed session and resumes it
        Outcome again = trellis("run", script.toString(), "--mode", "paper", "--speed", "1e9", "--journal", db.toString(), "--quiet");
        assertEquals(0, again.code(), again.err());
        try (Journal j = Journal.open(db)) {
            assertEquals(1, j.sessions().size(), "the crashed session continued; no new one");
            assertEquals("finished", j.sessions().get(0).status());
        }
        assertEquals(expected, trades(db), "every trade once, exactly as if the session had never crashed");
    }

    @Test
    void sigtermStopsCleanlyWithAFinalCheckpointAndTheSessionMarkedStopped(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("swing.groovy"), SCRIPT);
        Path db = dir.resolve("term.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.trellis.runtime.cli.Main", "run", script.toString(),
                "--mode", "paper", "--speed", "60000", "--journal", db.toString(), "--quiet",
                "--report-json", dir.resolve("report.json").toString(), "--export-trades", dir.resolve("trades.csv").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(db) || trades(db).size() < 5) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(child.isAlive(), Files.readString(dir.resolve("child.log")));
        child.destroy(); // SIGTERM: the shutdown hook stops the replay before its next bar
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        try (Journal j = Journal.open(db)) {
            Journal.SessionRow s = j.sessions().get(0);
            assertEquals("stopped", s.status(), Files.readString(dir.resolve("child.log")));
            assertTrue(j.checkpoint(s.id()).contains("\"positions\":[]"), "positions closed at the stop: " + j.checkpoint(s.id()));
            List<Journal.TradeRow> all = j.trades(s.id());
            assertTrue(all.stream().allMatch(t -> t.exitTime() <= all.get(all.size() - 1).exitTime()));
            // the reports are written before the JVM exits, and hold what the journal holds
            assertTrue(Files.exists(dir.resolve("report.json")), Files.readString(dir.resolve("child.log")));
            assertEquals(all.size() + 1, Files.readAllLines(dir.resolve("trades.csv")).size());
        }
    }

    @Test
    void resumeWithoutACrashedSessionIsAnErrorAndNoResumeStartsAfresh(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("swing.groovy"), SCRIPT);
        Path db = dir.resolve("j.db");
        Outcome o = trellis("run", script.toString(), "--mode", "paper", "--speed", "1e9", "--journal", db.toString(), "--resume");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--resume: the journal") && o.err().contains("no crashed paper session of 'swing'"), o.err());
        assertEquals(0, trellis("run", script.toString(), "--mode", "paper", "--speed", "1e9", "--journal", db.toString(),
                "--quiet", "--no-resume").code());
    }
}
