package org.trellis.ml.data;

import org.trellis.api.market.BarSeries;
import org.trellis.api.market.Instrument;

/** Bars {@code [from, to)} of a series, as a view (nothing copied). */
public final class SeriesSlice implements BarSeries {
    private final BarSeries series;
    private final int from;
    private final int to;

    public SeriesSlice(BarSeries series, int from, int to) {
        if (from < 0 || to > series.size() || from >= to) {
            throw new IllegalArgumentException("bars [" + from + ", " + to + ") are not a non-empty part of a series of "
                    + series.size());
        }
        this.series = series;
        this.from = from;
        this.to = to;
    }

    /** The first {@code n} bars (all of them when there are fewer). */
    public static SeriesSlice head(BarSeries series, int n) {
        return new SeriesSlice(series, 0, Math.min(series.size(), n));
    }

    /** The last {@code n} bars (all of them when there are fewer). */
    public static SeriesSlice tail(BarSeries series, int n) {
        return new SeriesSlice(series, Math.max(0, series.size() - n), series.size());
    }

    @Override
    public Instrument instrument() {
        return series.instrument();
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public long time(int index) {
        return series.time(from + index);
    }

    @Override
    public double open(int index) {
        return series.open(from + index);
    }

    @Override
    public double high(int index) {
        return series.high(from + index);
    }

    @Override
    public double low(int index) {
        return series.low(from + index);
    }

    @Override
    public double close(int index) {
        return series.close(from + index);
    }

    @Override
    public double volume(int index) {
        return series.volume(from + index);
    }

    @Override
    public long barMillis() {
        return series.barMillis();
    }
}
