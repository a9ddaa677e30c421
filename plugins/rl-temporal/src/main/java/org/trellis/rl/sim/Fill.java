package org.trellis.rl.sim;

/**
 * What one action did on one market in one tick. Reused from tick to tick (the simulator allocates
 * nothing per step): read it before the next {@code act} on the same asset.
 */
public final class Fill {
    /** What happened to the position. */
    public enum Outcome {
        /** HOLD, or an order size of 0. */
        NONE,
        /** BUY while holding UP or SELL while holding DOWN: no pyramiding, nothing traded. */
        REFUSED,
        /** Flat: a position was opened (fully or partly). */
        OPENED,
        /** The position was closed completely. */
        CLOSED,
        /** Part of the position was sold; the book could not absorb the rest. */
        PARTLY_CLOSED,
        /** The book had no depth on the side the order needed: nothing traded. */
        NO_DEPTH
    }

    Action action = Action.HOLD;
    Token token;
    Outcome outcome = Outcome.NONE;
    double shares;
    double averagePrice;
    double fee;
    double unfilled;
    double realizedPnl;

    void reset(Action act) {
        action = act;
        token = null;
        outcome = Outcome.NONE;
        shares = 0;
        averagePrice = 0;
        fee = 0;
        unfilled = 0;
        realizedPnl = 0;
    }

    public Action action() {
        return action;
    }

    /** The token bought or sold, null when nothing traded. */
    public Token token() {
        return token;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Shares of {@link #token()} traded. */
    public double shares() {
        return shares;
    }

    /** Volume-weighted price of the traded shares, in the token's own price (DOWN = 1 - UP). */
    public double averagePrice() {
        return averagePrice;
    }

    /** Fee of this fill. */
    public double fee() {
        return fee;
    }

    /** What the book could not absorb: dollars for an opening order, shares for a closing one. */
    public double unfilled() {
        return unfilled;
    }

    /**
     * Share-based PnL realized by this fill when it closed shares: (exit - entry) * shares minus the
     * exit fee and the entry fees those shares carried; 0 otherwise.
     */
    public double realizedPnl() {
        return realizedPnl;
    }
}
