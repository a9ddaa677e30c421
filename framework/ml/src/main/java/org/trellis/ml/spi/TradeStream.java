package org.trellis.ml.spi;

import java.util.Objects;
import org.trellis.api.market.Instrument;

/**
 * A time-ordered tape of trades (no aggressor side: the source data has none), in columns. What
 * simulators replay trade by trade.
 *
 * @param time   epoch ms, non-decreasing
 * @param price  > 0
 * @param amount traded quantity, >= 0 (the Bitstamp tape has a few trades of 0)
 */
public record TradeStream(Instrument instrument, String source, long[] time, double[] price, double[] amount) {
    public TradeStream {
        Objects.requireNonNull(instrument, "instrument");
        if (time.length != price.length || time.length != amount.length) {
            throw new IllegalArgumentException("a trade tape needs as many prices and amounts as times: " + time.length + ", "
                    + price.length + ", " + amount.length);
        }
    }

    public int size() {
        return time.length;
    }
}
