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

    /** Notional of entry orders sent but not filled yet: spoken for, though in no position (0 where not tracked). */
    default double pendingEntryNotional() {
        return 0;
    }

    /** Instruments with an entry order sent but not filled yet (0 where not tracked). */
    default int pendingEntries() {
        return 0;
    }
}
