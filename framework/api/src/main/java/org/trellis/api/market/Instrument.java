package org.trellis.api.market;

import java.util.Objects;

/**
 * A tradable thing.
 *
 * @param symbol unique name, e.g. {@code BTC/USD}
 * @param kind spot or binary
 * @param expiryMillis for binary contracts, the settlement time (epoch ms); {@code Long.MAX_VALUE} otherwise
 */
public record Instrument(String symbol, InstrumentKind kind, long expiryMillis) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("instrument symbol must not be blank");
        }
        if (kind == InstrumentKind.BINARY && expiryMillis == Long.MAX_VALUE) {
            throw new IllegalArgumentException("binary contract " + symbol + " needs an expiry");
        }
    }

    public static Instrument spot(String symbol) {
        return new Instrument(symbol, InstrumentKind.SPOT, Long.MAX_VALUE);
    }

    public static Instrument binary(String symbol, long expiryMillis) {
        return new Instrument(symbol, InstrumentKind.BINARY, expiryMillis);
    }

    public boolean isBinary() {
        return kind == InstrumentKind.BINARY;
    }

    /**
     * The price a binary contract settles at: 1 when the event happened, else 0.
     *
     * @throws IllegalStateException for a spot instrument, which never settles
     */
    public double settlementPrice(boolean eventHappened) {
        if (!isBinary()) {
            throw new IllegalStateException(symbol + " is not a binary contract and does not settle");
        }
        return eventHappened ? 1.0 : 0.0;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
