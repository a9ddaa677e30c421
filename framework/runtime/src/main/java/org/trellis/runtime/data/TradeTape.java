package org.trellis.runtime.data;

import java.util.Arrays;
import org.trellis.api.market.Instrument;
import org.trellis.ml.spi.TradeStream;

/** A time-ordered stream of trades stored in columns; it aggregates into bars of any size. */
public final class TradeTape {
    private final Instrument instrument;
    private final String source;
    private final long[] time;
    private final double[] price;
    private final double[] amount;
    private final SkippedRows skipped;

    TradeTape(Instrument instrument, String source, long[] time, double[] price, double[] amount, SkippedRows skipped) {
        this.instrument = instrument;
        this.source = source;
        this.time = time;
        this.price = price;
        this.amount = amount;
        this.skipped = skipped;
    }

    /** Rows the loader skipped under {@code --skip-bad-rows} (none otherwise). */
    public SkippedRows skipped() {
        return skipped;
    }

    public Instrument instrument() {
        return instrument;
    }

    public String source() {
        return source;
    }

    public int size() {
        return time.length;
    }

    public long time(int i) {
        return time[i];
    }

    public double price(int i) {
        return price[i];
    }

    public double amount(int i) {
        return amount[i];
    }

    /** The trades as trainers receive them (copies: the tape stays immutable). */
    public TradeStream toStream() {
        return new TradeStream(instrument, source, time.clone(), price.clone(), amount.clone());
    }

    /**
     * OHLCV bars of {@code barMillis}, aligned to multiples of it since the epoch. A bar's time is its
     * open; intervals without trades produce no bar (no trade, no price was discovered).
     */
    public ColumnarBarSeries toBars(long barMillis) {
        return toBars(barMillis, source);
    }

    /** As {@link #toBars(long)}, labelling the bars' source {@code label}. */
    public ColumnarBarSeries toBars(long barMillis, String label) {
        if (barMillis <= 0) {
            throw new IllegalArgumentException("bar size must be positive, got " + barMillis + " ms");
        }
        ColumnarBarSeries.Builder bars = ColumnarBarSeries.builder(instrument, label);
        int i = 0;
        while (i < time.length) {
            long start = Math.floorDiv(time[i], barMillis) * barMillis;
            long end = start + barMillis;
            double o = price[i];
            double h = o;
            double l = o;
            double c = o;
            double v = 0;
            while (i < time.length && time[i] < end) {
                h = Math.max(h, price[i]);
                l = Math.min(l, price[i]);
                c = price[i];
                v += amount[i];
                i++;
            }
            bars.add(start, o, h, l, c, v);
        }
        return bars.build();
    }

    static TradeTape of(Instrument instrument, String source, long[] time, double[] price, double[] amount, int n,
                        SkippedRows skipped) {
        return new TradeTape(instrument, source, Arrays.copyOf(time, n), Arrays.copyOf(price, n), Arrays.copyOf(amount, n),
                skipped);
    }
}
