package org.trellis.runtime.data;

import java.util.Arrays;
import java.util.Objects;
import org.trellis.api.market.BarSeries;
import org.trellis.api.market.Instrument;

/** Bars stored in primitive columns: compact, cache-friendly, and free to read without allocation. */
public final class ColumnarBarSeries implements BarSeries {
    private final Instrument instrument;
    private final String source;
    private final long[] time;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int size;
    private final long barMillis;

    private ColumnarBarSeries(Instrument instrument, String source, long[] time, double[] open, double[] high,
                              double[] low, double[] close, double[] volume, int size, long barMillis) {
        this.instrument = instrument;
        this.source = source;
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.size = size;
        this.barMillis = barMillis;
    }

    public static Builder builder(Instrument instrument, String source) {
        return new Builder(instrument, source);
    }

    /** Where the bars came from: a file path, a bundled dataset name, or a synthetic label. */
    public String source() {
        return source;
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long time(int index) {
        return time[index];
    }

    @Override
    public double open(int index) {
        return open[index];
    }

    @Override
    public double high(int index) {
        return high[index];
    }

    @Override
    public double low(int index) {
        return low[index];
    }

    @Override
    public double close(int index) {
        return close[index];
    }

    @Override
    public double volume(int index) {
        return volume[index];
    }

    @Override
    public long barMillis() {
        return barMillis;
    }

    /** Bars with {@code fromMillis <= time < toMillis}. */
    public ColumnarBarSeries between(long fromMillis, long toMillis) {
        int from = lowerBound(fromMillis);
        int to = lowerBound(toMillis);
        Builder b = new Builder(instrument, source);
        for (int i = from; i < to; i++) {
            b.add(time[i], open[i], high[i], low[i], close[i], volume[i]);
        }
        return b.build();
    }

    private int lowerBound(long t) {
        int i = Arrays.binarySearch(time, 0, size, t);
        return i >= 0 ? i : -i - 1;
    }

    /** Accumulates bars in time order; {@link #build()} rejects anything not strictly increasing. */
    public static final class Builder {
        private final Instrument instrument;
        private final String source;
        private long[] time = new long[1024];
        private double[] open = new double[1024];
        private double[] high = new double[1024];
        private double[] low = new double[1024];
        private double[] close = new double[1024];
        private double[] volume = new double[1024];
        private int size;

        private Builder(Instrument instrument, String source) {
            this.instrument = Objects.requireNonNull(instrument, "instrument");
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder add(long t, double o, double h, double l, double c, double v) {
            if (size > 0 && t <= time[size - 1]) {
                throw new DataException(source, "bar " + size + " at " + t + " is not after the previous bar at "
                        + time[size - 1] + " (timestamps must be strictly increasing)");
            }
            if (size == time.length) {
                int n = size * 2;
                time = Arrays.copyOf(time, n);
                open = Arrays.copyOf(open, n);
                high = Arrays.copyOf(high, n);
                low = Arrays.copyOf(low, n);
                close = Arrays.copyOf(close, n);
                volume = Arrays.copyOf(volume, n);
            }
            time[size] = t;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public long lastTime() {
            return size == 0 ? Long.MIN_VALUE : time[size - 1];
        }

        public ColumnarBarSeries build() {
            if (size == 0) {
                throw new DataException(source, "no bars");
            }
            return new ColumnarBarSeries(instrument, source, Arrays.copyOf(time, size), Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size), size, medianSpacing(time, size));
        }

        private static long medianSpacing(long[] time, int size) {
            if (size < 2) {
                return 0;
            }
            long[] gaps = new long[size - 1];
            for (int i = 1; i < size; i++) {
                gaps[i - 1] = time[i] - time[i - 1];
            }
            Arrays.sort(gaps);
            return gaps[gaps.length / 2];
        }
    }
}
