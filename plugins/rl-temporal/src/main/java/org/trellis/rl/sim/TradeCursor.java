package org.trellis.rl.sim;

/**
 * An underlying's trades in time order, read one at a time without allocating: {@link #hasTrade()}
 * tells whether a current trade exists, the accessors read it, {@link #next()} moves on. The simulator
 * only reads the time of a trade after the current tick to decide that it is not due yet.
 */
public interface TradeCursor {
    boolean hasTrade();

    /** Epoch milliseconds of the current trade. */
    long time();

    double price();

    /** Traded quantity of the underlying, >= 0. */
    double amount();

    void next();
}
