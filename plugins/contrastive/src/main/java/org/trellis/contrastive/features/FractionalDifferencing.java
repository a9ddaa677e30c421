package org.trellis.contrastive.features;

import java.util.Arrays;

/**
 * Fixed-width fractional differencing (FFD, Lopez de Prado, <i>Advances in Financial Machine
 * Learning</i>, ch. 5). The weights are w0 = 1, wk = -w(k-1) * (d - k + 1) / k, generated while
 * |wk| &gt;= {@link #DEFAULT_THRESHOLD}; the first weight below the threshold ends the list and is not
 * kept. The differenced value at t is the weighted sum over the window ending at t,
 * {@code sum_k w[k] * x[t - k]} for k = 0 .. width-1, summed in that order (newest first), and NaN
 * until the window is full (t + 1 &lt; width).
 *
 * <p>d = 0 gives the weights [1] (the series itself), d = 1 gives [1, -1] (the first difference); for
 * d = 0.4 the list has {@code weights(0.4).length} entries (a few hundred bars), which is therefore the
 * warm-up of a fractionally differenced feature.
 */
public final class FractionalDifferencing {
    /** The weight threshold of the spec: weights with |wk| &lt; 1e-4 are dropped. */
    public static final double DEFAULT_THRESHOLD = 1e-4;
    /** A bound on the window, so a tiny threshold cannot ask for an unbounded buffer. */
    public static final int MAX_WIDTH = 100_000;

    private FractionalDifferencing() {
    }

    /** The weights for order {@code d} and the default threshold, newest lag first (w[0] = 1). */
    public static double[] weights(double d) {
        return weights(d, DEFAULT_THRESHOLD);
    }

    /**
     * The weights for order {@code d}, newest lag first (w[0] = 1), kept while |wk| &gt;= threshold.
     *
     * @param d the order of differencing, a finite number &gt;= 0
     * @param threshold the smallest absolute weight kept, &gt; 0
     */
    public static double[] weights(double d, double threshold) {
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("fractional differencing: d must be a finite number >= 0, got " + d);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("fractional differencing: weight threshold must be > 0, got " + threshold);
        }
        double[] w = new double[16];
        w[0] = 1;
        int n = 1;
        for (int k = 1;; k++) {
            double next = -w[k - 1] * (d - k + 1) / k;
            if (Math.abs(next) < threshold) {
                break;
            }
            if (n == MAX_WIDTH) {
                throw new IllegalArgumentException("fractional differencing: d = " + d + " with threshold " + threshold
                        + " needs more than " + MAX_WIDTH + " weights; raise the threshold");
            }
            if (n == w.length) {
                w = Arrays.copyOf(w, w.length * 2);
            }
            w[n++] = next;
        }
        return Arrays.copyOf(w, n);
    }

    /**
     * The differenced series: element t is {@code sum_k weights[k] * x[t - k]} (k = 0 first), NaN while
     * t + 1 &lt; weights.length.
     */
    public static double[] apply(double[] x, double[] weights) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = valueAt(x, t, weights);
        }
        return out;
    }

    /** The differenced value at t (NaN while the window ending at t is not full). */
    public static double valueAt(double[] x, int t, double[] weights) {
        if (t + 1 < weights.length) {
            return Double.NaN;
        }
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k] * x[t - k];
        }
        return s;
    }
}
