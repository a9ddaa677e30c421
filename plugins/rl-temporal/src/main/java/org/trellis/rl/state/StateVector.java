package org.trellis.rl.state;

import org.trellis.rl.sim.OrderBook;
import org.trellis.rl.sim.Position;

/**
 * The 18 state features of spec/rl-temporal.md, in network order (names in
 * {@link org.trellis.rl.model.StateFeatures}); clamp = limit to [-1, 1]. Written into a caller's array
 * in one pass, allocating nothing.
 */
public final class StateVector {
    public static final int SIZE = 18;

    private StateVector() {
    }

    /**
     * @param underlying    the underlying's features, advanced to this tick
     * @param book          the market's UP book at this tick
     * @param probVolatility population std of the last 30 probs (0 if fewer)
     * @param position      the position before this tick's action
     * @param timeRemaining fraction of the window left
     */
    public static void compute(UnderlyingFeatures underlying, OrderBook book, double probVolatility, Position position,
                               double timeRemaining, float[] out) {
        double prob = book.mid();
        out[0] = clamp(underlying.priceReturn(60) * 50);
        out[1] = clamp(underlying.priceReturn(300) * 50);
        out[2] = clamp(underlying.priceReturn(600) * 50);
        out[3] = clamp(imbalance(book, 1));
        out[4] = clamp(imbalance(book, 5));
        out[5] = clamp(underlying.tradeFlowImbalance());
        out[6] = clamp(underlying.cvdChange() / 1e6 * 10);
        out[7] = prob == 0 ? 0 : clamp(book.spread() / Math.max(0.01, prob) * 20);
        out[8] = clamp(underlying.tradesLast10s() / 10 / 10);
        out[9] = (float) underlying.largeTrade();
        out[10] = clamp(probVolatility * 20);
        out[11] = clamp(underlying.volumeExpansion());
        out[12] = position.isOpen() ? 1 : 0;
        out[13] = position.side();
        out[14] = clamp(position.unrealizedPnl(prob) / 50);
        out[15] = (float) Math.min(1, Math.max(0, timeRemaining));
        out[16] = underlying.hourlyVolatility() > 0.01 ? 1 : 0;
        out[17] = Math.abs(underlying.priceReturn(UnderlyingFeatures.HOUR)) > 0.005 ? 1 : 0;
    }

    /** (bid - ask size) / (bid + ask size) over the top {@code levels} levels (fewer when a side is shorter); 0 on an empty book. */
    static double imbalance(OrderBook book, int levels) {
        double bid = 0;
        double ask = 0;
        for (int k = 0; k < Math.min(levels, book.bidLevels()); k++) {
            bid += book.bidSize(k);
        }
        for (int k = 0; k < Math.min(levels, book.askLevels()); k++) {
            ask += book.askSize(k);
        }
        return bid + ask > 0 ? (bid - ask) / (bid + ask) : 0;
    }

    static float clamp(double x) {
        return (float) Math.max(-1, Math.min(1, x));
    }
}
