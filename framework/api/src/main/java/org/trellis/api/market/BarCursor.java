package org.trellis.api.market;

/** A movable {@link Bar} view over a {@link BarSeries}: one object serves every bar of a run. */
public final class BarCursor implements Bar {
    private final BarSeries series;
    private int index;

    public BarCursor(BarSeries series) {
        this.series = series;
    }

    public BarCursor moveTo(int index) {
        this.index = index;
        return this;
    }

    public int index() {
        return index;
    }

    public BarSeries series() {
        return series;
    }

    @Override
    public long time() {
        return series.time(index);
    }

    @Override
    public double open() {
        return series.open(index);
    }

    @Override
    public double high() {
        return series.high(index);
    }

    @Override
    public double low() {
        return series.low(index);
    }

    @Override
    public double close() {
        return series.close(index);
    }

    @Override
    public double volume() {
        return series.volume(index);
    }
}
