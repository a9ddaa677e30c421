package org.trellis.safety;

import java.util.HashMap;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;

/**
 * What guards that judge results need from the fills they see: for each fill that closes (part of)
 * a position, the realised PnL (net of fees), its return on the entry's notional, the order's
 * reason (e.g. stop-loss) and the time. Fills only, so it works against the API alone.
 */
final class TradeOutcomes {
    /** One closing fill's result. */
    record Outcome(Instrument instrument, long time, double pnl, double ret, String reason) {
    }

    private final Map<Instrument, Double> entryNotional = new HashMap<>();
    private double realized = Double.NaN;

    /** The outcome of {@code fill} if it closed something, else null. Call from {@link org.trellis.api.risk.RiskGuard#onFill}. */
    Outcome onFill(Fill fill, PortfolioView portfolio) {
        double before = Double.isNaN(realized) ? portfolio.realizedPnl() : realized;
        realized = portfolio.realizedPnl();
        Instrument instrument = fill.order().instrument();
        if (fill.order().purpose() == OrderPurpose.ENTRY) {
            entryNotional.merge(instrument, fill.quantity() * fill.price(), Double::sum);
            return null;
        }
        double pnl = realized - before;
        Double notional = entryNotional.remove(instrument);
        double ret = notional == null || notional == 0 ? 0 : pnl / notional;
        return new Outcome(instrument, fill.time(), pnl, ret, fill.order().reason());
    }

    void reset() {
        entryNotional.clear();
        realized = Double.NaN;
    }
}
