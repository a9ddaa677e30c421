package org.trellis.ml.data;

import java.util.Arrays;

/**
 * Fixed-length windows over a feature matrix, as views: window {@code i} is the rows
 * {@code end(i) - length + 1 .. end(i)} and carries the label of its last row. Only the ends are
 * stored, so memory is O(bars x features) for the matrix plus one int per window, never
 * O(windows x length x features).
 */
public final class SequenceWindows {
    private final FeatureMatrix matrix;
    private final int length;
    private final byte[] labels;
    private final int[] ends;

    private SequenceWindows(FeatureMatrix matrix, int length, byte[] labels, int[] ends) {
        this.matrix = matrix;
        this.length = length;
        this.labels = labels;
        this.ends = ends;
    }

    /**
     * Every window whose rows all hold finite values and whose label is known. A row with a missing
     * value (the warm-up, or a feature undefined on a flat stretch) excludes the windows that
     * contain it and no others: the same rule the model strategy applies bar by bar.
     */
    public static SequenceWindows over(FeatureMatrix matrix, int length, byte[] labels) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be >= 1, got " + length);
        }
        if (labels.length != matrix.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + matrix.rows() + " rows");
        }
        int[] ends = new int[matrix.rows()];
        int n = 0;
        int complete = 0; // finite rows in a row, up to and including this one
        for (int end = 0; end < matrix.rows(); end++) {
            complete = matrix.rowIsFinite(end) ? complete + 1 : 0;
            if (complete >= length && labels[end] != HorizonLabels.UNKNOWN) {
                ends[n++] = end;
            }
        }
        return new SequenceWindows(matrix, length, labels, Arrays.copyOf(ends, n));
    }

    /** Windows {@code from .. to - 1} of this set. */
    public SequenceWindows slice(int from, int to) {
        if (from < 0 || to > ends.length || from > to) {
            throw new IllegalArgumentException("windows " + from + ".." + to + " of " + ends.length);
        }
        return new SequenceWindows(matrix, length, labels, Arrays.copyOfRange(ends, from, to));
    }

    public int size() {
        return ends.length;
    }

    public int length() {
        return length;
    }

    public int features() {
        return matrix.columns();
    }

    public FeatureMatrix matrix() {
        return matrix;
    }

    /** Row of the last bar of window {@code i}. */
    public int end(int i) {
        return ends[i];
    }

    public int label(int i) {
        return labels[ends[i]];
    }

    /** Copy window {@code i} ([time][feature], oldest row first) into {@code out} at {@code offset}. */
    public void copy(int i, float[] out, int offset) {
        int width = matrix.columns();
        System.arraycopy(matrix.values(), (ends[i] - length + 1) * width, out, offset, length * width);
    }

    /** Share of windows labelled 1. */
    public double positiveRate() {
        long up = 0;
        for (int end : ends) {
            up += labels[end];
        }
        return ends.length == 0 ? Double.NaN : (double) up / ends.length;
    }
}
