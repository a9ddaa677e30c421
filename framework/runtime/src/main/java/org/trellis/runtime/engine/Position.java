package org.trellis.runtime.engine;

import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PositionView;

/** One instrument's open position inside a {@link Portfolio}; mutable, owned by the portfolio. */
final class Position implements PositionView {
    private final Instrument instrument;
    double quantity;
    double entryPrice = Double.NaN;
    long entryTime = Long.MIN_VALUE;
    double entryFees;
    String entryReason = "";
    double mark = Double.NaN;

    Position(Instrument instrument) {
        this.instrument = instrument;
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public double quantity() {
        return quantity;
    }

    @Override
    public double entryPrice() {
        return entryPrice;
    }

    @Override
    public long entryTime() {
        return entryTime;
    }

    @Override
    public double unrealizedPnl() {
        return quantity == 0 ? 0 : (mark - entryPrice) * quantity;
    }

    @Override
    public double unrealizedReturn() {
        return quantity == 0 ? 0 : unrealizedPnl() / (entryPrice * Math.abs(quantity));
    }

    double markedValue() {
        return quantity == 0 ? 0 : quantity * mark;
    }

    void clear() {
        quantity = 0;
        entryPrice = Double.NaN;
        entryTime = Long.MIN_VALUE;
        entryFees = 0;
        entryReason = "";
    }
}
