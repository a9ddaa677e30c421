package org.trellis.runtime.feature;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;

/**
 * Simple moving average of the close over {@code period} bars; feature {@code sma<period>}.
 *
 * <p>O(1) per bar: a ring of the last {@code period} closes and their running sum. The sum is
 * rebuilt from the ring (oldest to newest) every {@code max(period, 1024)} bars, so floating-point
 * drift stays at the level of a few hundred additions instead of growing with the series. The ring
 * lives in this object's own fields rather than a helper object: one pointer fewer per bar on the
 * engine's hot path.
 */
public final class SmaFeatures implements FeatureSet {
    static final int RESUM_EVERY = 1024;
    private final int period;
    private final List<String> names;
    private final double[] ring;
    private final int resumEvery;
    private int next;
    private int sinceResum;
    private long seen;
    private double sum;

    public SmaFeatures(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("sma period must be >= 1, got " + period);
        }
        this.period = period;
        this.names = List.of("sma" + period);
        this.ring = new double[period];
        this.resumEvery = Math.max(period, RESUM_EVERY);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int warmUp() {
        return period;
    }

    @Override
    public void update(Bar bar) {
        double value = bar.close();
        // Slots start at zero, so the close leaving the window is zero until the window is full:
        // no branch on fullness, and the sum's dependency chain is one addition per bar.
        double leaving = ring[next];
        ring[next] = value;
        sum += value - leaving;
        seen++;
        if (++next == period) {
            next = 0;
        }
        if (++sinceResum == resumEvery) {
            resum();
        }
    }

    /** The same arithmetic as {@link #update} and {@link #write}, with the running state in locals. */
    @Override
    public void updateAll(BarCursor bars, int from, int to, double[] out, int offset, int stride) {
        BarSeries series = bars.series();
        double[] r = ring;
        int p = period;
        double s = sum;
        int nx = next;
        int since = sinceResum;
        long n = seen;
        for (int j = from, at = offset; j < to; j++, at += stride) {
            double value = series.close(j);
            double leaving = r[nx];
            r[nx] = value;
            s += value - leaving;
            n++;
            if (++nx == p) {
                nx = 0;
            }
            if (++since == resumEvery) {
                next = nx;
                resum();
                s = sum;
                since = 0;
            }
            out[at] = n >= p ? s / p : Double.NaN;
        }
        sum = s;
        next = nx;
        sinceResum = since;
        seen = n;
    }

    private void resum() {
        double s = 0;
        for (int j = next; j < period; j++) {
            s += ring[j];
        }
        for (int j = 0; j < next; j++) {
            s += ring[j];
        }
        sum = s;
        sinceResum = 0;
    }

    @Override
    public void write(double[] out, int offset) {
        out[offset] = seen >= period ? sum / period : Double.NaN;
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(ring, 0.0);
        next = 0;
        sinceResum = 0;
        seen = 0;
        sum = 0;
    }
}
