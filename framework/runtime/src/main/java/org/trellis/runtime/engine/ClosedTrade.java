package org.trellis.runtime.engine;

import org.trellis.api.market.Instrument;

/**
 * A round trip: one position from entry fill to exit fill. Times are the timestamps of the bars
 * whose prices filled the orders; {@code pnl} is net of the entry and exit fees.
 */
public record ClosedTrade(Instrument instrument, Direction direction, long entryTime, double entryPrice,
                          long exitTime, double exitPrice, double quantity, double pnl, double fees,
                          String entryReason, String exitReason) {

    public enum Direction {
        LONG,
        SHORT
    }

    /** PnL over the entry notional. */
    public double returnOnNotional() {
        return pnl / (entryPrice * quantity);
    }

    public boolean isWin() {
        return pnl > 0;
    }
}
