package org.trellis.ml.data;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;

/**
 * Computes a feature set over a whole series straight into a {@link FeatureMatrix}, a block of bars
 * at a time: the only full-size array is the float matrix itself (a million bars of 80 features is
 * 320 MB, where rows of doubles would need twice that and more).
 */
public final class FeatureMatrices {
    private static final int BLOCK = 4096;

    private FeatureMatrices() {
    }

    /** Rows before the feature set's warm-up are NaN, as in {@link FeatureSet#batch}. */
    public static FeatureMatrix compute(FeatureSet features, BarSeries series) {
        return compute(features, series, features.names());
    }

    /** The same, keeping only {@code columns} (in that order): a model's inputs out of a larger set. */
    public static FeatureMatrix compute(FeatureSet features, BarSeries series, List<String> columns) {
        int width = features.names().size();
        int[] pick = new int[columns.size()];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = features.names().indexOf(columns.get(i));
            if (pick[i] < 0) {
                throw new IllegalArgumentException("the feature set makes no '" + columns.get(i) + "' (it makes " + features.names() + ")");
            }
        }
        int rows = series.size();
        float[] values = new float[Math.multiplyExact(rows, pick.length)];
        long[] times = new long[rows];
        double[] block = new double[BLOCK * width];
        BarCursor cursor = new BarCursor(series);
        features.reset();
        int warmUp = features.warmUp();
        for (int from = 0; from < rows; from += BLOCK) {
            int to = Math.min(rows, from + BLOCK);
            features.updateAll(cursor, from, to, block, 0, width);
            for (int r = from; r < to; r++) {
                times[r] = series.time(r);
                int src = (r - from) * width;
                int dst = r * pick.length;
                boolean warming = r + 1 < warmUp;
                for (int c = 0; c < pick.length; c++) {
                    values[dst + c] = warming ? Float.NaN : (float) block[src + pick[c]];
                }
            }
        }
        return new FeatureMatrix(columns, times, values);
    }

    /** The closes of a series, for labels. */
    public static double[] closes(BarSeries series) {
        double[] closes = new double[series.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = series.close(i);
        }
        return closes;
    }
}
