package org.trellis.api.execution;

public enum OrderSide {
    BUY,
    SELL;

    /** +1 for buys, -1 for sells: multiply a quantity by it to get the signed change. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }
}
