package org.trellis.rl.sim;

/**
 * The UP token's order book: up to {@link #LEVELS} levels a side, best first (bids descending, asks
 * ascending), prices in (0, 1), sizes in shares. Mutable and reused tick after tick, so reading it
 * allocates nothing; the DOWN token's book is its mirror (DOWN bid = 1 - UP ask, DOWN ask = 1 - UP bid).
 */
public final class OrderBook {
    public static final int LEVELS = 10;

    private final double[] bidPrice = new double[LEVELS];
    private final double[] bidSize = new double[LEVELS];
    private final double[] askPrice = new double[LEVELS];
    private final double[] askSize = new double[LEVELS];
    private int bids;
    private int asks;

    /**
     * Replaces the book. Hand-built books (tests, replays) go through here; the checks keep every book
     * the simulator and the features see well formed.
     *
     * @throws IllegalArgumentException when a side has more than 10 levels, a price is outside (0, 1), a size
     *                                  is not > 0, a side is not sorted best first, or the book is crossed
     */
    public void set(double[] bidPrices, double[] bidSizes, double[] askPrices, double[] askSizes) {
        checkSide("bid", bidPrices, bidSizes, -1);
        checkSide("ask", askPrices, askSizes, 1);
        if (bidPrices.length > 0 && askPrices.length > 0 && bidPrices[0] >= askPrices[0]) {
            throw new IllegalArgumentException("crossed book: best bid " + bidPrices[0] + " >= best ask " + askPrices[0]);
        }
        bids = bidPrices.length;
        asks = askPrices.length;
        System.arraycopy(bidPrices, 0, bidPrice, 0, bids);
        System.arraycopy(bidSizes, 0, bidSize, 0, bids);
        System.arraycopy(askPrices, 0, askPrice, 0, asks);
        System.arraycopy(askSizes, 0, askSize, 0, asks);
    }

    private static void checkSide(String side, double[] prices, double[] sizes, int direction) {
        if (prices.length != sizes.length || prices.length > LEVELS) {
            throw new IllegalArgumentException(side + " side needs as many sizes as prices and at most " + LEVELS + " levels, got "
                    + prices.length + " prices and " + sizes.length + " sizes");
        }
        for (int i = 0; i < prices.length; i++) {
            if (!(prices[i] > 0 && prices[i] < 1) || !(sizes[i] > 0) || Double.isInfinite(sizes[i])) {
                throw new IllegalArgumentException(side + " level " + (i + 1) + ": price must be in (0, 1) and size > 0, got "
                        + prices[i] + " x " + sizes[i]);
            }
            if (i > 0 && (prices[i] - prices[i - 1]) * direction <= 0) {
                throw new IllegalArgumentException(side + " level " + (i + 1) + " at " + prices[i] + " is not behind level " + i + " at "
                        + prices[i - 1]);
            }
        }
    }

    /** Writes one level without checks: for {@link BookModel}, whose construction guarantees a valid book. */
    void setLevel(int level, double bid, double bidShares, double ask, double askShares) {
        bidPrice[level] = bid;
        bidSize[level] = bidShares;
        askPrice[level] = ask;
        askSize[level] = askShares;
        bids = Math.max(bids, level + 1);
        asks = Math.max(asks, level + 1);
    }

    void clear() {
        bids = 0;
        asks = 0;
    }

    public int bidLevels() {
        return bids;
    }

    public int askLevels() {
        return asks;
    }

    public double bidPrice(int level) {
        return bidPrice[level];
    }

    public double bidSize(int level) {
        return bidSize[level];
    }

    public double askPrice(int level) {
        return askPrice[level];
    }

    public double askSize(int level) {
        return askSize[level];
    }

    /** "prob": the UP token's mid price, 0 when a side is empty (there is no mid then). */
    public double mid() {
        return bids > 0 && asks > 0 ? (bidPrice[0] + askPrice[0]) / 2 : 0;
    }

    /** Best ask - best bid, 0 when a side is empty. */
    public double spread() {
        return bids > 0 && asks > 0 ? askPrice[0] - bidPrice[0] : 0;
    }
}
