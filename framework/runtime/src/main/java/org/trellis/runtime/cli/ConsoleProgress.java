package org.trellis.runtime.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.trellis.runtime.engine.ProgressListener;

/**
 * A one-line progress bar on the terminal. Silent for work that finishes within a second, and when
 * output is not a terminal (logs and pipes get no carriage-return noise).
 */
final class ConsoleProgress implements ProgressListener {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private boolean ended;
    private long lastDraw;

    ConsoleProgress(PrintStream out, String label, boolean enabled) {
        this.out = out;
        this.label = label;
        this.enabled = enabled;
    }

    static ConsoleProgress forTerminal(String label) {
        return new ConsoleProgress(System.err, label, System.console() != null);
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled || ended) {
            return;
        }
        long now = System.nanoTime();
        long elapsed = now - start;
        boolean finished = done >= total;
        // quick work shows nothing; a shown bar is completed, and ended by one newline, once
        if (elapsed < SHOW_AFTER_NANOS || !finished && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        out.print('\r' + line(done, total, elapsed));
        if (finished) {
            out.println();
            ended = true;
        }
        out.flush();
    }

    String line(long done, long total, long elapsedNanos) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : Double.NaN;
        return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %,d/%,d  %.1fs, ETA %s", label,
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, done, total, seconds,
                Double.isFinite(eta) ? String.format(Locale.ROOT, "%.0fs", eta) : "?");
    }
}
