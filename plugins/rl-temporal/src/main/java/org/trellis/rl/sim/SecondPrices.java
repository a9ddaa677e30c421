package org.trellis.rl.sim;

/**
 * The underlying's price at each whole second of a trailing window: the price of the last trade at or
 * before that instant (a trade at 12.3 s counts from second 13 on, one at exactly 13.0 s at second 13),
 * so a value never depends on a trade after it. A preallocated ring: nothing is allocated per trade.
 */
public final class SecondPrices {
    private final double[] price;
    private long last = Long.MIN_VALUE;
    private double lastPrice = Double.NaN;
    private long first = Long.MIN_VALUE;

    /** @param seconds how far back (inclusive of now) prices are kept */
    public SecondPrices(int seconds) {
        this.price = new double[seconds];
    }

    /** The whole second from which a trade at this epoch millisecond counts (rounded up). */
    public static long secondOf(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }

    /** Records a trade; trades must come in time order. */
    public void onTrade(long millis, double tradePrice) {
        long second = secondOf(millis);
        advanceTo(second);
        if (first == Long.MIN_VALUE) {
            first = second;
            last = second;
        }
        price[slot(second)] = tradePrice;
        lastPrice = tradePrice;
    }

    /** Carries the last price forward to this second (the current tick). */
    public void advanceTo(long second) {
        if (first == Long.MIN_VALUE || second <= last) {
            return;
        }
        long from = Math.max(last + 1, second - price.length + 1);
        for (long s = from; s <= second; s++) {
            price[slot(s)] = lastPrice;
        }
        last = second;
    }

    private int slot(long second) {
        return (int) Math.floorMod(second, (long) price.length);
    }

    /** The price at that second, NaN before the first trade or when the second has left the window or not come yet. */
    public double at(long second) {
        if (first == Long.MIN_VALUE || second < first || second > last || second <= last - price.length) {
            return Double.NaN;
        }
        return price[slot(second)];
    }

    /** The last trade's price, NaN before any trade. */
    public double last() {
        return lastPrice;
    }

    /** The second of the first trade seen, Long.MIN_VALUE before any. */
    public long firstSecond() {
        return first;
    }
}
