package org.trellis.safety;

import java.util.List;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.strategy.StrategyContext;

/**
 * Closes a position whose return (pnl / entry notional, marked at the bar's close) reaches a level:
 * {@code stop-loss} at {@code -pct} or below, {@code take-profit} at {@code +pct} or above. The close
 * is ordered at that bar's close and fills like any order (next open by default).
 */
public final class ReturnExitGuard implements RiskGuard {
    private final String reason;
    private final double level;
    private final boolean below;

    private ReturnExitGuard(String reason, double level, boolean below) {
        this.reason = reason;
        this.level = level;
        this.below = below;
    }

    /** Exit when the position's return is {@code <= -pct}. */
    public static ReturnExitGuard stopLoss(double pct) {
        return new ReturnExitGuard(StopLoss.REASON, -positive(pct, StopLoss.REASON), true);
    }

    /** Exit when the position's return is {@code >= pct}. */
    public static ReturnExitGuard takeProfit(double pct) {
        return new ReturnExitGuard(TakeProfit.REASON, positive(pct, TakeProfit.REASON), false);
    }

    private static double positive(double pct, String name) {
        if (!(pct > 0) || Double.isInfinite(pct)) {
            throw new IllegalArgumentException(name + " pct must be a positive fraction (0.35 = 35%), got " + pct);
        }
        return pct;
    }

    @Override
    public String name() {
        return reason;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        PositionView p = context.position();
        if (p.isOpen()) {
            double r = p.unrealizedReturn();
            if (below ? r <= level : r >= level) {
                forceClose.close(reason);
            }
        }
    }

    /** {@code stop-loss}: the spec's -35% by default. */
    public static final class StopLoss extends GuardFactory {
        public static final String REASON = "stop-loss";

        public StopLoss() {
            super(REASON, "close a position once its return is <= -pct (reason stop-loss)",
                    List.of(ParamSpec.number("pct", 0.35, "loss that closes the position, as a fraction of entry notional").between(1e-9, 1)),
                    p -> stopLoss(p.getDouble("pct", 0.35)));
        }
    }

    /** {@code take-profit}: the spec's +75% by default. */
    public static final class TakeProfit extends GuardFactory {
        public static final String REASON = "take-profit";

        public TakeProfit() {
            super(REASON, "close a position once its return is >= pct (reason take-profit)",
                    List.of(ParamSpec.number("pct", 0.75, "gain that closes the position, as a fraction of entry notional").atLeast(1e-9)),
                    p -> takeProfit(p.getDouble("pct", 0.75)));
        }
    }
}
