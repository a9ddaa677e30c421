package org.trellis.runtime.engine;

import java.util.Arrays;

/** Equity after each distinct timestamp of a run, and whether any position was open then. */
public final class EquityCurve {
    private long[] time;
    private double[] equity;
    private boolean[] invested;
    private int size;

    EquityCurve(int capacity) {
        time = new long[Math.max(1, capacity)];
        equity = new double[time.length];
        invested = new boolean[time.length];
    }

    void record(long t, double e, boolean inMarket) {
        if (size > 0 && time[size - 1] == t) {
            equity[size - 1] = e;
            invested[size - 1] = inMarket;
            return;
        }
        time[size] = t;
        equity[size] = e;
        invested[size] = inMarket;
        size++;
    }

    void trim() {
        if (size == time.length) {
            // The usual case (one point per bar, sized up front): copying would double the curve's allocation.
            return;
        }
        time = Arrays.copyOf(time, size);
        equity = Arrays.copyOf(equity, size);
        invested = Arrays.copyOf(invested, size);
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i];
    }

    public double equity(int i) {
        return equity[i];
    }

    public boolean invested(int i) {
        return invested[i];
    }

    public double last() {
        return equity[size - 1];
    }
}
