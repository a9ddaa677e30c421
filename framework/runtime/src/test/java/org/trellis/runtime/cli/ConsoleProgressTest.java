package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void lineShowsBarPercentCountsAndEta() {
        ConsoleProgress p = new ConsoleProgress(System.err, "backtest", true);
        String line = p.line(250, 1000, 2_000_000_000L);
        assertTrue(line.startsWith("backtest [########......................]  25% 250/1,000  2.0s, ETA 6s"), line);
    }

    @Test
    void quickWorkPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", true);
        p.progress(10, 100);
        p.progress(100, 100);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void disabledWhenNotATerminal() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", false);
        Thread.sleep(1100);
        p.progress(100, 100);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aShownBarEndsWithOneNewlineEvenWhenTheEndIsReportedTwice() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", true);
        Thread.sleep(1100);
        p.progress(50, 100);
        p.progress(100, 100);
        p.progress(100, 100);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains(" 50%") && out.contains("100%"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), out);
    }
}
