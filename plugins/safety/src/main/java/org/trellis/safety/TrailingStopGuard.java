package org.trellis.safety;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.strategy.StrategyContext;

/**
 * Closes a position once its price has moved {@code pct} against it from the best price it has
 * marked since entry (the highest close of a long, the lowest of a short), as freqtrade's trailing
 * stop: reason {@value #REASON}. With {@code activate} above 0 it trails only once the position has
 * gained that much.
 */
public final class TrailingStopGuard implements RiskGuard {
    public static final String REASON = "trailing-stop";
    private final double pct;
    private final double activate;
    /** Per instrument: {entry time, best mark since}. */
    private final Map<Instrument, double[]> best = new HashMap<>();

    public TrailingStopGuard(double pct, double activate) {
        this.pct = pct;
        this.activate = activate;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        PositionView p = context.position();
        if (!p.isOpen()) {
            return;
        }
        double mark = context.bar().close();
        double[] b = best.computeIfAbsent(context.instrument(), k -> new double[] {Double.NaN, Double.NaN});
        if (b[0] != p.entryTime()) { // a new position: start trailing from its entry
            b[0] = p.entryTime();
            b[1] = p.entryPrice();
        }
        boolean lng = p.isLong();
        b[1] = lng ? Math.max(b[1], mark) : Math.min(b[1], mark);
        double gainAtBest = lng ? b[1] / p.entryPrice() - 1 : 1 - b[1] / p.entryPrice();
        double fromBest = lng ? 1 - mark / b[1] : mark / b[1] - 1;
        // ratios of prices carry rounding (1 - 108/120 is 0.0999...98): a move of exactly pct counts
        if (gainAtBest >= activate - 1e-12 && fromBest >= pct - 1e-12) {
            forceClose.close(REASON);
        }
    }

    @Override
    public void reset() {
        best.clear();
    }

    @Override
    public String name() {
        return REASON;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "close once the price is pct against the position from its best close since entry (reason trailing-stop)",
                    List.of(ParamSpec.number("pct", 0.05, "adverse move from the best close that closes, as a fraction").between(1e-9, 1),
                            ParamSpec.number("activate", 0.0, "gain the position must have had before it trails").atLeast(0)),
                    p -> new TrailingStopGuard(p.getDouble("pct", 0.05), p.getDouble("activate", 0.0)));
        }
    }
}
