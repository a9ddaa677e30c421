package org.trellis.runtime.report;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * Thins a long line for drawing without changing how it looks: the x range is cut into equal
 * buckets (one per pixel column or so), and each bucket keeps only its lowest and its highest
 * point, in their original order. Spikes, the global minimum and maximum, and the first and last
 * points always survive; a million points become at most {@code maxPoints}.
 */
final class Downsampler {
    private Downsampler() {
    }

    /**
     * Indices of the points to draw, ascending.
     *
     * @param n number of points
     * @param x position of point i (non-decreasing, e.g. epoch ms)
     * @param y value of point i; non-finite values are never kept
     * @param maxPoints upper bound on the result size, at least 4
     */
    static int[] minMax(int n, IntToLongFunction x, IntToDoubleFunction y, int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be >= 4, got " + maxPoints);
        }
        int[] out = new int[Math.min(n, maxPoints)];
        int size = 0;
        if (n <= maxPoints) {
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(y.applyAsDouble(i))) {
                    out[size++] = i;
                }
            }
            return Arrays.copyOf(out, size);
        }
        // Two points per bucket, plus the first and the last point of the line.
        int buckets = (maxPoints - 2) / 2;
        long x0 = x.applyAsLong(0);
        double span = (double) x.applyAsLong(n - 1) - x0;
        int last = -1;
        if (Double.isFinite(y.applyAsDouble(0))) {
            out[size++] = 0;
            last = 0;
        }
        int bucket = -1;
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < n; i++) {
            double v = y.applyAsDouble(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            int b = span > 0 ? (int) Math.min(buckets - 1, (x.applyAsLong(i) - x0) / span * buckets)
                    : (int) ((long) i * buckets / n);
            if (b != bucket) {
                size = flush(out, size, lo, hi, last);
                last = size == 0 ? -1 : out[size - 1];
                bucket = b;
                lo = i;
                hi = i;
            } else {
                if (v < y.applyAsDouble(lo)) {
                    lo = i;
                }
                if (v > y.applyAsDouble(hi)) {
                    hi = i;
                }
            }
        }
        size = flush(out, size, lo, hi, last);
        last = size == 0 ? -1 : out[size - 1];
        if (Double.isFinite(y.applyAsDouble(n - 1)) && last != n - 1) {
            out[size++] = n - 1;
        }
        return Arrays.copyOf(out, size);
    }

    private static int flush(int[] out, int size, int lo, int hi, int last) {
        if (lo < 0) {
            return size;
        }
        int first = Math.min(lo, hi);
        int second = Math.max(lo, hi);
        if (first > last) {
            out[size++] = first;
            last = first;
        }
        if (second > last) {
            out[size++] = second;
        }
        return size;
    }
}
