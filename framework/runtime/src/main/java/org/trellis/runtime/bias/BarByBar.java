package org.trellis.runtime.bias;

import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;

/** A feature set's values as the engine trades on them: updated bar by bar, written after each bar. */
public final class BarByBar {
    private BarByBar() {
    }

    /** One row per bar of {@code series[from..to)}, computed on {@code set} as it is (give it a fresh one). */
    public static double[][] rows(FeatureSet set, BarSeries series, int from, int to) {
        int width = set.names().size();
        double[][] rows = new double[to - from][width];
        BarCursor cursor = new BarCursor(series);
        for (int i = from; i < to; i++) {
            set.update(cursor.moveTo(i));
            set.write(rows[i - from], 0);
        }
        return rows;
    }
}
