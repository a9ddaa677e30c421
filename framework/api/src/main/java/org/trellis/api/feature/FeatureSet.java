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
     * All values for a whole series, row per bar: the batch form used for training. The default
     * runs the incremental form, so batch and incremental values are identical by construction.
     * Rows before {@link #warmUp()} bars are filled with {@code NaN}.
     */
    default double[][] batch(BarSeries series) {
        reset();
        int width = names().size();
        double[][] rows = new double[series.size()][width];
        BarCursor cursor = new BarCursor(series);
        for (int i = 0; i < series.size(); i++) {
            update(cursor.moveTo(i));
            if (i + 1 >= warmUp()) {
                write(rows[i], 0);
            } else {
                java.util.Arrays.fill(rows[i], Double.NaN);
            }
        }
        return rows;
    }
}
