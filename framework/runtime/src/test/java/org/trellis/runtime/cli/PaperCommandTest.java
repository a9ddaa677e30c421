package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.testing.Cli;

class PaperCommandTest {
    @Test
    void paperModePrintsEventsAsTheyHappenThenTheSameReportAsABacktest(@TempDir Path dir) throws Exception {
        Path paperTrades = dir.resolve("paper.csv");
        Path backtestTrades = dir.resolve("backtest.csv");
        Cli.Outcome paper = Cli.trellis("paper", "--strategy", "sma-cross",
                "--data", "synthetic:bars=3000,seed=9", "--speed", "1e12", "--export-trades", paperTrades.toString());
        assertEquals(0, paper.code(), paper.err());
        assertTrue(paper.out().contains("  fill   BUY"), paper.out());
        assertTrue(paper.out().contains("  closed long"), paper.out());
        assertTrue(paper.out().contains("Paper: sma-cross"), paper.out());
        Cli.Outcome backtest = Cli.trellis("backtest", "--strategy", "sma-cross",
                "--data", "synthetic:bars=3000,seed=9", "--quiet", "--export-trades", backtestTrades.toString());
        assertEquals(0, backtest.code(), backtest.err());
        assertEquals(Files.readString(backtestTrades), Files.readString(paperTrades), "one engine, one result");
    }

    @Test
    void aSpeedThatIsNotPositiveIsRefused() {
        Cli.Outcome o = Cli.trellis("paper", "--strategy", "sma-cross", "--speed", "0");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("speed"), o.err());
    }
}
