package org.trellis.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;

/**
 * The candle system's circuit breaker: trips when equity falls {@code max-drawdown} below its peak,
 * {@code drawdown-24h} below its highest of the last 24 hours, {@code drawdown-7d} below the last
 * 7 days', or after {@code losses} losing trades in a row; once tripped it refuses every entry for
 * the rest of the session (manual reset only: restart without it): reason {@value #REASON}.
 * Defaults 20%, 5%, 10%, 10. The source's API-error and order-failure triggers need a live venue's
 * errors, which simulated runs do not have.
 */
public final class CircuitBreakerGuard implements RiskGuard {
    public static final String REASON = "circuit-breaker";
    private final double maxDrawdown;
    private final double drawdown24h;
    private final double drawdown7d;
    private final int losses;
    private final RollingMax day = new RollingMax(86_400_000L);
    private final RollingMax week = new RollingMax(7 * 86_400_000L);
    private final TradeOutcomes outcomes = new TradeOutcomes();
    private double peak = Double.NaN;
    private int streak;
    private String trippedBy;

    public CircuitBreakerGuard(double maxDrawdown, double drawdown24h, double drawdown7d, int losses) {
        this.maxDrawdown = maxDrawdown;
        this.drawdown24h = drawdown24h;
        this.drawdown7d = drawdown7d;
        this.losses = losses;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        if (trippedBy != null) {
            return;
        }
        long now = context.clock().nowMillis();
        double e = context.portfolio().equity();
        peak = Double.isNaN(peak) ? e : Math.max(peak, e);
        day.add(now, e);
        week.add(now, e);
        if (below(e, peak, maxDrawdown)) {
            trippedBy = "drawdown";
        } else if (below(e, day.max(now), drawdown24h)) {
            trippedBy = "24h drawdown";
        } else if (below(e, week.max(now), drawdown7d)) {
            trippedBy = "7-day drawdown";
        }
    }

    private static boolean below(double equity, double high, double limit) {
        return limit > 0 && high > 0 && equity <= high * (1 - limit);
    }

    @Override
    public void onFill(Fill fill, PortfolioView portfolio) {
        TradeOutcomes.Outcome o = outcomes.onFill(fill, portfolio);
        if (o != null) {
            streak = o.pnl() < 0 ? streak + 1 : 0;
            if (losses > 0 && streak >= losses && trippedBy == null) {
                trippedBy = losses + " losses in a row";
            }
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && trippedBy != null) {
            verdict.veto(REASON);
        }
    }

    /** What tripped it (null while it has not). */
    public String trippedBy() {
        return trippedBy;
    }

    @Override
    public void reset() {
        day.clear();
        week.clear();
        outcomes.reset();
        peak = Double.NaN;
        streak = 0;
        trippedBy = null;
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tripped", trippedBy != null);
        m.put("trippedBy", trippedBy);
        m.put("peakEquity", Double.isNaN(peak) ? null : peak);
        m.put("losingStreak", streak);
        return m;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "stop all entries for the session after a drawdown (total, 24h, 7 days) or a losing streak "
                    + "(reason circuit-breaker)",
                    List.of(ParamSpec.number("max-drawdown", 0.20, "fall from the equity peak; 0 = off").between(0, 1),
                            ParamSpec.number("drawdown-24h", 0.05, "fall from the last 24 hours' high; 0 = off").between(0, 1),
                            ParamSpec.number("drawdown-7d", 0.10, "fall from the last 7 days' high; 0 = off").between(0, 1),
                            ParamSpec.integer("losses", 10, "losing trades in a row; 0 = off").atLeast(0)),
                    p -> new CircuitBreakerGuard(p.getDouble("max-drawdown", 0.20), p.getDouble("drawdown-24h", 0.05),
                            p.getDouble("drawdown-7d", 0.10), p.getInt("losses", 10)));
        }
    }
}
