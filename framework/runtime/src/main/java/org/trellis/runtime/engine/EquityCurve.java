package org.trellis.runtime.engine;

import java.util.Arrays;
import org.trellis.api.market.BarSeries;

/** Equity after each distinct timestamp of a run, and whether any position was open then. */
public final class EquityCurve {
    /** When set, point {@code i} is at {@code axis.time(i)}: a one-instrument run needs no copy of its times. */
    private final BarSeries axis;
    private long[] time;
    private double[] equity;
    private boolean[] invested;
    private int size;

    EquityCurve(int capacity) {
        axis = null;
        time = new long[Math.max(1, capacity)];
        equity = new double[time.length];
        invested = new boolean[time.length];
    }

    private EquityCurve(BarSeries axis) {
        this.axis = axis;
        equity = new double[Math.max(1, axis.size())];
        invested = new boolean[equity.length];
    }

    /** A curve with one point per bar of {@code series}, at the bars' own times. */
    static EquityCurve alongside(BarSeries series) {
        return new EquityCurve(series);
    }

    /**
     * A curve from given points, for tools and tests (a run records its own curve as it goes).
     *
     * @param times epoch ms, strictly increasing
     * @param equity equity at each time
     * @param invested whether any position was open at each time
     * @throws IllegalArgumentException if the arrays differ in length or the times do not increase
     */
    public static EquityCurve of(long[] times, double[] equity, boolean[] invested) {
        if (times.length != equity.length || times.length != invested.length) {
            throw new IllegalArgumentException("equity curve arrays differ in length: " + times.length + " times, "
                    + equity.length + " equity values, " + invested.length + " invested flags");
        }
        EquityCurve curve = new EquityCurve(times.length);
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("equity curve times must increase: point " + i + " at " + times[i]
                        + " is not after " + times[i - 1]);
            }
            curve.record(times[i], equity[i], invested[i]);
        }
        return curve;
    }

    /**
     * Appends the point of the next bar of the axis series: the per-bar path of a one-instrument
     * run, which needs no time comparison.
     */
    void append(double e, boolean inMarket) {
        equity[size] = e;
        invested[size] = inMarket;
        size++;
    }

    /** True when points are appended along one series' bars (see {@link #alongside}). */
    boolean followsAxis() {
        return axis != null;
    }

    /**
     * Sets equity at time {@code t}. Several records at one time (instruments sharing a timestamp,
     * the end-of-data close-out) keep the last equity, and count the step as invested when a
     * position was open at any of them.
     */
    void record(long t, double e, boolean inMarket) {
        if (size > 0 && time(size - 1) == t) {
            equity[size - 1] = e;
            invested[size - 1] |= inMarket;
            return;
        }
        if (axis == null) {
            time[size] = t;
        } else if (axis.time(size) != t) {
            throw new IllegalStateException("equity point " + size + " at " + t + " is off its series' time axis");
        }
        equity[size] = e;
        invested[size] = inMarket;
        size++;
    }

    /** Drops unused capacity; a curve that filled its capacity (the usual case) is kept as is, not copied. */
    void trim() {
        if (size == equity.length) {
            return;
        }
        if (axis == null) {
            time = Arrays.copyOf(time, size);
        }
        equity = Arrays.copyOf(equity, size);
        invested = Arrays.copyOf(invested, size);
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException("equity point " + i + " of " + size);
        }
        return axis == null ? time[i] : axis.time(i);
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
