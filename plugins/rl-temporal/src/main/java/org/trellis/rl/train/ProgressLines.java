package org.trellis.rl.train;

import java.io.PrintWriter;
import java.util.Locale;
import org.trellis.rl.ppo.UpdateReport;

/**
 * Training progress on the console: one permanent line per update (PPO statistics, the closed trades
 * since the previous update, elapsed time and ETA); on a terminal also a line redrawn in place while
 * the next update's steps are collected. Logs (not a terminal) get the update lines only.
 */
final class ProgressLines implements OnlineTraining.Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final boolean interactive;
    private final int updates;
    private final int bufferSize;
    private int ticksSinceUpdate;
    private int done;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressLines(PrintWriter err, boolean interactive, int updates, int bufferSize) {
        this.err = err;
        this.interactive = interactive;
        this.updates = updates;
        this.bufferSize = bufferSize;
    }

    @Override
    public void onTick(long tick) {
        ticksSinceUpdate++;
        long now = System.nanoTime();
        if (!interactive || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print(String.format(Locale.ROOT, "\rupdate %d/%d: collecting %d steps, %d ticks so far (simulated %s)", done + 1, updates,
                bufferSize, ticksSinceUpdate, java.time.Instant.ofEpochSecond(tick)));
        err.flush();
        drawn = true;
    }

    @Override
    public void onUpdate(int update, UpdateReport r, TradeTally trades) {
        done = update;
        ticksSinceUpdate = 0;
        if (drawn) {
            err.print("\r\033[2K");
            drawn = false;
        }
        err.println(line(update, updates, r, trades, (System.nanoTime() - start) / 1e9));
        err.flush();
    }

    static String line(int update, int updates, UpdateReport r, TradeTally trades, double seconds) {
        double eta = seconds / update * (updates - update);
        return String.format(Locale.ROOT, "update %d/%d  policy %.4f  value %.4f  entropy %.4f  KL %.5f  clip %.3f  EV %.3f%s  "
                        + "trades %d  PnL %+.2f  win %s  %.0fs, ETA %.0fs", update, updates, r.policyLoss(), r.valueLoss(), r.entropy(),
                r.approxKl(), r.clipFraction(), r.explainedVariance(), r.stoppedByKl() ? " (KL stop)" : "", trades.trades(), trades.pnl(),
                Double.isNaN(trades.winRate()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * trades.winRate()), seconds, eta);
    }
}
