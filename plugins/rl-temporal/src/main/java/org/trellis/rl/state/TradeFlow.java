package org.trellis.rl.state;

/**
 * The underlying's recent order flow from its classified trades: buy and sell value (price * amount)
 * and trade counts per second, over the last {@link #FLOW_SECONDS} seconds.
 */
final class TradeFlow {
    /** Window of the trade-flow imbalance and the CVD change. */
    static final int FLOW_SECONDS = 60;
    /** Window of the trade intensity. */
    static final int INTENSITY_SECONDS = 10;

    private static final int BUY = 0;
    private static final int SELL = 1;
    private static final int COUNT = 2;

    private final RollingBuckets seconds = new RollingBuckets(FLOW_SECONDS, 3, 1000);

    void onTrade(long millis, int side, double value) {
        if (side > 0) {
            seconds.add(millis, BUY, value);
        } else if (side < 0) {
            seconds.add(millis, SELL, value);
        }
        seconds.add(millis, COUNT, 1);
    }

    void advanceTo(long second) {
        seconds.advanceTo(second);
    }

    /** (buy - sell) / (buy + sell) over the flow window, 0 without classified value. */
    double imbalance() {
        double buy = seconds.sum(BUY, FLOW_SECONDS);
        double sell = seconds.sum(SELL, FLOW_SECONDS);
        return buy + sell > 0 ? (buy - sell) / (buy + sell) : 0;
    }

    /** The change of cumulative (buy - sell) value over the flow window. */
    double cvdChange() {
        return seconds.sum(BUY, FLOW_SECONDS) - seconds.sum(SELL, FLOW_SECONDS);
    }

    /** Trades in the last {@link #INTENSITY_SECONDS} seconds. */
    double recentTrades() {
        return seconds.sum(COUNT, INTENSITY_SECONDS);
    }
}
