package org.trellis.rl.state;

/**
 * Sums of trade quantities in fixed time buckets over a trailing window, in a preallocated ring: adding
 * and summing allocate nothing. A bucket holds what happened in (its start - length, its start], so the
 * bucket of "now" never holds a later trade.
 */
final class RollingBuckets {
    private final double[][] columns;
    private final int buckets;
    private final long bucketMillis;
    private long current = Long.MIN_VALUE;
    private long first = Long.MIN_VALUE;

    RollingBuckets(int buckets, int columns, long bucketMillis) {
        this.columns = new double[columns][buckets];
        this.buckets = buckets;
        this.bucketMillis = bucketMillis;
    }

    /** The bucket a trade at this epoch millisecond falls in (rounded up). */
    long bucketOf(long millis) {
        return Math.floorDiv(millis + bucketMillis - 1, bucketMillis);
    }

    void add(long millis, int column, double value) {
        long bucket = bucketOf(millis);
        advanceTo(bucket);
        columns[column][slot(bucket)] += value;
    }

    /** Moves the window to end at this bucket, emptying the buckets it enters. */
    void advanceTo(long bucket) {
        if (current == Long.MIN_VALUE) {
            first = bucket;
            current = bucket;
            clearSlot(bucket);
            return;
        }
        for (long b = Math.max(current + 1, bucket - buckets + 1); b <= bucket; b++) {
            clearSlot(b);
        }
        current = Math.max(current, bucket);
    }

    private void clearSlot(long bucket) {
        for (double[] column : columns) {
            column[slot(bucket)] = 0;
        }
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) buckets);
    }

    /** The sum of a column over the last {@code count} buckets up to the current one (count <= the ring). */
    double sum(int column, int count) {
        if (current == Long.MIN_VALUE) {
            return 0;
        }
        double sum = 0;
        for (long b = current - Math.min(count, buckets) + 1; b <= current; b++) {
            sum += columns[column][slot(b)];
        }
        return sum;
    }

    /** Buckets seen since the first one, including the current (0 before anything). */
    long span() {
        return current == Long.MIN_VALUE ? 0 : current - first + 1;
    }
}
