package org.trellis.contrastive.data;

/**
 * Wilder's average true range, one bar at a time, as ta4j 0.17's {@code ATRIndicator} computes it:
 * the true range of the first bar is high - low, later max(h - l, |h - c[-1]|, |c[-1] - l|); the
 * average starts at the first true range and moves by (tr - atr) / period. Known from bar index
 * {@code period} on (period true ranges after the first bar), NaN before.
 *
 * <p>The one implementation behind the triple-barrier labels, the {@code atr_14} feature and the
 * barriers the contrastive strategy exits on: they must agree to the bit, or a trade would exit on
 * barriers other than those its label was defined by. No allocation per bar.
 */
public final class WilderAtr {
    private final int period;
    private final double step;
    private double atr;
    private double previousClose;
    private long seen;

    public WilderAtr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be >= 1 bar, got " + period);
        }
        this.period = period;
        this.step = 1.0 / period;
    }

    public int period() {
        return period;
    }

    /** Adds the next bar; returns the ATR at it (NaN for bar indices below the period). */
    public double update(double high, double low, double close) {
        if (seen == 0) {
            atr = Math.abs(high - low);
        } else {
            double p = previousClose;
            double tr = Math.max(Math.max(Math.abs(high - low), Math.abs(high - p)), Math.abs(p - low));
            atr = (tr - atr) * step + atr;
        }
        previousClose = close;
        seen++;
        return value();
    }

    /** The ATR after the last bar added, NaN until {@code period + 1} bars were added. */
    public double value() {
        return seen > period ? atr : Double.NaN;
    }

    public void reset() {
        atr = 0;
        previousClose = 0;
        seen = 0;
    }
}
