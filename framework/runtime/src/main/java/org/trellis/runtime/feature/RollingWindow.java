package org.trellis.runtime.feature;

/**
 * The last {@code capacity} values with their exact sum. The running sum is rebuilt from the window
 * every time the buffer wraps, so floating-point drift never outlives one window.
 */
public final class RollingWindow {
    private final double[] values;
    private int next;
    private int count;
    private double sum;

    public RollingWindow(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + capacity);
        }
        values = new double[capacity];
    }

    public void add(double value) {
        if (count == values.length) {
            sum -= values[next];
        } else {
            count++;
        }
        values[next] = value;
        sum += value;
        next++;
        if (next == values.length) {
            next = 0;
            resum();
        }
    }

    private void resum() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += values[i];
        }
        sum = s;
    }

    public boolean full() {
        return count == values.length;
    }

    public int count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    public void clear() {
        next = 0;
        count = 0;
        sum = 0;
    }
}
