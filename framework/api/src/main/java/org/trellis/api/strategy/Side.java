package org.trellis.api.strategy;

/** What a strategy wants: to be long, to do nothing, or to be out / short. */
public enum Side {
    BUY,
    HOLD,
    SELL
}
