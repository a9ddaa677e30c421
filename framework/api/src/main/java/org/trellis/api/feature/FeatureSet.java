package org.trellis.api.feature;

import java.util.List;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;
import org.trellis.api.market.Bar;

/**
 * Turns one instrument's market history into a fixed-length vector of named features, one bar at a
 * time. An instance serves exactly one instrument; its factory makes one per instrument.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>{@link #update} sees bars in time order and never data after the bar it is given
 *       (no look-ahead);</li>
 *   <li>memory is O(window), and {@link #update} / {@link #write} allocate nothing;</li>
 *   <li>{@link #names()} is fixed for the life of the instance and unique within a run (include
 *       parameters in names, e.g. {@code sma10}).</li>
 * </ul>
 */
public interface FeatureSet {

    /** Feature names, in the order {@link #write} writes them. */
    List<String> names();

    /** Number of bars that must be seen before every value is meaningful. */
    int warmUp();

    /** Consume the next bar. */
    void update(Bar bar);

    /** Write the current values into {@code out[offset .. offset + names().size())}. */
    void write(double[] out, int offset);

    /** Forget everything seen so far. */
    void reset();

    /**
     * Consume bars {@code from .. to - 1} of the cursor's series, continuing from the state left by
     * earlier calls, and write each bar's values: bar {@code j}'s row starts at
     * {@code out[offset + (j - from) * stride]}. The engine calls this with blocks of bars whose
     * features it needs (a whole block in a backtest, one bar in paper and live mode).
     *
     * <p>The default calls {@link #update} and {@link #write} bar by bar. Override it when a tight
     * loop over the block, with the running state in local variables, is faster; the values must be
     * exactly those of the bar-by-bar form (the engine's tests compare the two). Move the given
     * cursor freely; allocate nothing.
     */
    default void updateAll(BarCursor bars, int from, int to, double[] out, int offset, int stride) {
        for (int j = from, at = offset; j < to; j++, at += stride) {
            update(bars.moveTo(j));
            write(out, at);
        }
    }

    /**
     * All values for a whole series, row per bar: the batch form used for training. Runs the
     * incremental form from a fresh state, so batch and incremental values are identical by
     * construction. Rows before {@link #warmUp()} bars are filled with {@code NaN}.
     */
    default double[][] batch(BarSeries series) {
        reset();
        int width = names().size();
        double[] flat = new double[series.size() * width];
        updateAll(new BarCursor(series), 0, series.size(), flat, 0, width);
        double[][] rows = new double[series.size()][];
        for (int i = 0; i < series.size(); i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
            if (i + 1 < warmUp()) {
                java.util.Arrays.fill(rows[i], Double.NaN);
            }
        }
        return rows;
    }
}
