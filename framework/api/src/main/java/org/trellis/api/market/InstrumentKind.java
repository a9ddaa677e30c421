package org.trellis.api.market;

public enum InstrumentKind {
    /** Spot or linear instrument: PnL is quantity times price change. */
    SPOT,
    /** Binary contract: priced in [0, 1] and settled at exactly 0 or 1 at expiry. */
    BINARY
}
