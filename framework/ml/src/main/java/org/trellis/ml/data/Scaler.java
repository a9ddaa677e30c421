package org.trellis.ml.data;

import java.util.Arrays;
import java.util.List;

/**
 * Z-score scaling, fitted on the training split only and stored with the model: the source fitted
 * it on all data (the test split leaked into training) and re-fitted it on the last 100 rows at
 * inference (so the same bar scaled differently from one day to the next). A constant column
 * scales by 1 so that it stays finite.
 */
public record Scaler(List<String> features, double[] mean, double[] std) {
    public Scaler {
        features = List.copyOf(features);
        mean = mean.clone();
        std = std.clone();
        if (mean.length != features.size() || std.length != features.size()) {
            throw new IllegalArgumentException("scaler has " + features.size() + " features but " + mean.length
                    + " means and " + std.length + " deviations");
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0) || !Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("scaler statistics of '" + features.get(i) + "' are invalid: mean "
                        + mean[i] + ", std " + std[i]);
            }
        }
    }

    /**
     * Means and population deviations of rows {@code from .. to - 1}, skipping rows with a missing
     * value (they are in no window either).
     */
    public static Scaler fit(FeatureMatrix matrix, int from, int to) {
        if (from < 0 || to > matrix.rows() || from > to) {
            throw new IllegalArgumentException("cannot fit a scaler on rows " + from + ".." + to + " of " + matrix.rows());
        }
        int n = matrix.columns();
        double[] mean = new double[n];
        double[] m2 = new double[n];
        int count = 0;
        // Welford: prices of ~1e4 with small variance would cancel catastrophically in sum-of-squares form.
        for (int r = from; r < to; r++) {
            if (!matrix.rowIsFinite(r)) {
                continue;
            }
            count++;
            for (int c = 0; c < n; c++) {
                double x = matrix.get(r, c);
                double delta = x - mean[c];
                mean[c] += delta / count;
                m2[c] += delta * (x - mean[c]);
            }
        }
        if (count < 2) {
            throw new IllegalArgumentException("cannot fit a scaler on " + count + " complete rows (rows " + from + ".." + to
                    + "): use more data");
        }
        double[] std = new double[n];
        for (int c = 0; c < n; c++) {
            double s = Math.sqrt(m2[c] / count);
            std[c] = s > 1e-12 ? s : 1.0;
        }
        return new Scaler(matrix.names(), mean, std);
    }

    /** Scale every row of the matrix in place. */
    public void applyInPlace(FeatureMatrix matrix) {
        checkColumns(matrix.names());
        float[] v = matrix.values();
        int n = features.size();
        for (int i = 0; i < v.length; i++) {
            int c = i % n;
            v[i] = (float) ((v[i] - mean[c]) / std[c]);
        }
    }

    /**
     * Scale one row into {@code out}. Raw values are rounded to float first, as the training matrix
     * stores them, so a bar scores the same live as in training.
     */
    public void apply(double[] row, int rowOffset, float[] out, int outOffset) {
        for (int c = 0; c < mean.length; c++) {
            out[outOffset + c] = (float) (((double) (float) row[rowOffset + c] - mean[c]) / std[c]);
        }
    }

    private void checkColumns(List<String> names) {
        if (!names.equals(features)) {
            throw new IllegalArgumentException("the scaler was fitted on " + features + " but the data has " + names);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaler s && features.equals(s.features) && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return features.hashCode() * 31 + Arrays.hashCode(mean) * 17 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Scaler" + features;
    }
}
