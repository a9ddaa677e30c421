package org.trellis.api.portfolio;

import org.trellis.api.market.Instrument;

/** One instrument's position: quantity is signed (negative = short). */
public interface PositionView {
    Instrument instrument();

    double quantity();

    default boolean isOpen() {
        return quantity() != 0.0;
    }

    default boolean isLong() {
        return quantity() > 0.0;
    }

    default boolean isShort() {
        return quantity() < 0.0;
    }

    /** Average fill price of the open position, {@code NaN} when flat. */
    double entryPrice();

    /** Time of the entry fill, epoch ms; {@code Long.MIN_VALUE} when flat. */
    long entryTime();

    /** Unrealised PnL at the last mark, in account currency, before exit fees. */
    double unrealizedPnl();

    /** Unrealised return on the entry notional (0.05 = +5%). */
    double unrealizedReturn();
}
