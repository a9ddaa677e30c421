package org.trellis.safety;


/**
 * The highest value seen within a trailing time window, in O(1) amortised per sample and without
 * allocating once warmed up: a monotonic deque of minute buckets (times and values in primitive
 * rings). Samples must come in time order.
 */
final class RollingMax {
    private static final long BUCKET = 60_000;
    private final long window;
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int head;
    private int size;

    RollingMax(long windowMillis) {
        this.window = windowMillis;
    }

    void add(long time, double value) {
        long bucket = Math.floorDiv(time, BUCKET);
        if (size > 0 && Math.floorDiv(times[index(size - 1)], BUCKET) == bucket) {
            if (value <= values[index(size - 1)]) {
                return;
            }
            size--; // a higher value in the same minute replaces the last one
        }
        while (size > 0 && values[index(size - 1)] <= value) {
            size--;
        }
        if (size == times.length) {
            grow();
        }
        times[index(size)] = time;
        values[index(size)] = value;
        size++;
    }

    /** The highest value sampled within {@code window} before {@code now} (NaN if none). */
    double max(long now) {
        while (size > 0 && times[head] <= now - window) {
            head = (head + 1) % times.length;
            size--;
        }
        return size == 0 ? Double.NaN : values[head];
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private int index(int i) {
        return (head + i) % times.length;
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        double[] v = new double[times.length * 2];
        for (int i = 0; i < size; i++) {
            t[i] = times[index(i)];
            v[i] = values[index(i)];
        }
        times = t;
        values = v;
        head = 0;
    }
}
