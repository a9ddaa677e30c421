package org.trellis.ml.data;

import java.util.List;
import java.util.Objects;

/**
 * Feature values of a series, row per bar, stored in one flat {@code float[]}: the only copy of the
 * data a training run holds. Windows over it are views ({@link SequenceWindows}), so a dataset of N
 * bars costs O(N x features) however many windows and however long they are.
 */
public final class FeatureMatrix {
    private final List<String> names;
    private final long[] times;
    private final float[] values;
    private final int columns;

    public FeatureMatrix(List<String> names, long[] times, float[] values) {
        this.names = List.copyOf(Objects.requireNonNull(names, "names"));
        this.times = Objects.requireNonNull(times, "times");
        this.values = Objects.requireNonNull(values, "values");
        this.columns = names.size();
        if (columns == 0) {
            throw new IllegalArgumentException("a feature matrix needs at least one feature");
        }
        if ((long) times.length * columns != values.length) {
            throw new IllegalArgumentException(
                    "values hold " + values.length + " numbers, not " + times.length + " rows x " + columns + " features");
        }
    }

    /** Rows of {@code double[]} (NaN allowed) converted to the flat float form. */
    public static FeatureMatrix of(List<String> names, long[] times, double[][] rows) {
        float[] values = new float[rows.length * names.size()];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != names.size()) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, not " + names.size());
            }
            for (int c = 0; c < names.size(); c++) {
                values[r * names.size() + c] = (float) rows[r][c];
            }
        }
        return new FeatureMatrix(names, times, values);
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return times.length;
    }

    public int columns() {
        return columns;
    }

    public long time(int row) {
        return times[row];
    }

    public float get(int row, int column) {
        return values[row * columns + column];
    }

    /** The backing array (row-major); callers that scale in place own the matrix. */
    public float[] values() {
        return values;
    }

    /** Whether every value of a row is finite. */
    public boolean rowIsFinite(int row) {
        for (int c = 0, at = row * columns; c < columns; c++, at++) {
            if (!Float.isFinite(values[at])) {
                return false;
            }
        }
        return true;
    }
}
