package org.trellis.api.portfolio;

import org.trellis.api.market.Instrument;

/** A strategy's own account: cash, positions and equity marked at the last close. */
public interface PortfolioView {
    double initialCapital();

    double cash();

    /** Cash plus the marked value of every open position. */
    double equity();

    /** Highest equity seen so far. */
    double peakEquity();

    PositionView position(Instrument instrument);

    int openPositions();

    /** Sum of absolute marked position values. */
    double grossExposure();

    double realizedPnl();

    double feesPaid();
}
