package org.trellis.deeplearning.train;

import org.trellis.api.market.BarSeries;
import org.trellis.api.market.Instrument;

/** The last {@code n} bars of a series, as a view. */
final class TailSeries implements BarSeries {
    private final BarSeries series;
    private final int offset;

    TailSeries(BarSeries series, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--last must be >= 1 bar, got " + n);
        }
        this.series = series;
        this.offset = Math.max(0, series.size() - n);
    }

    @Override
    public Instrument instrument() {
        return series.instrument();
    }

    @Override
    public int size() {
        return series.size() - offset;
    }

    @Override
    public long time(int index) {
        return series.time(offset + index);
    }

    @Override
    public double open(int index) {
        return series.open(offset + index);
    }

    @Override
    public double high(int index) {
        return series.high(offset + index);
    }

    @Override
    public double low(int index) {
        return series.low(offset + index);
    }

    @Override
    public double close(int index) {
        return series.close(offset + index);
    }

    @Override
    public double volume(int index) {
        return series.volume(offset + index);
    }

    @Override
    public long barMillis() {
        return series.barMillis();
    }
}
