package org.trellis.contrastive.model;

import java.util.Arrays;

/**
 * Windows of bars with one integer class label each: {@code values} is row-major {@code [count,
 * window, features]} (the last bar of each window is its decision bar), {@code labels} has {@code
 * count} entries. The contrastive stage accepts any integer labels; the linear probe needs 0/1.
 */
public record LabelledWindows(float[] values, int[] labels, int window, int features) {
    public LabelledWindows {
        if (window < 1 || features < 1) {
            throw new IllegalArgumentException("window and features must be >= 1, got " + window + ", " + features);
        }
        if (labels.length == 0 || values.length != (long) labels.length * window * features) {
            throw new IllegalArgumentException("expected " + labels.length + " windows x " + window + " bars x "
                    + features + " features = " + (long) labels.length * window * features
                    + " values (and at least one window), got " + values.length);
        }
    }

    public int count() {
        return labels.length;
    }

    /** Values of the windows at {@code indices}, row-major {@code [indices.length, window, features]}. */
    public float[] gather(int[] indices, int from, int to) {
        int size = window * features;
        float[] out = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            System.arraycopy(values, indices[i] * size, out, (i - from) * size, size);
        }
        return out;
    }

    /** The windows {@code from} (inclusive) to {@code to} (exclusive). */
    public LabelledWindows slice(int from, int to) {
        int size = window * features;
        return new LabelledWindows(Arrays.copyOfRange(values, from * size, to * size),
                Arrays.copyOfRange(labels, from, to), window, features);
    }
}
