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
 * 7 days', or after {@code losses} losing trades in a row; and on the venue's health: {@code
 * api-errors-per-minute} failed venue calls within a minute, {@code order-failures} failed orders in a
 * row (a fill in between starts the count again), or {@code failed-trades-per-hour} failed orders within
 * an hour. Once tripped it refuses every entry for the rest of the session (manual reset only: restart
 * without it): reason {@value #REASON}. Defaults (the source's) 20%, 5%, 10%, 10, 3, 5, 5. Venue errors
 * reach guards through {@link RiskGuard#onApiError} and {@link RiskGuard#onOrderFailed}: a live venue's,
 * or a simulated market's (e.g. {@code binary-15m}'s {@code order-failure-rate}); the bar engine's
 * simulated fills never fail.
 */
public final class CircuitBreakerGuard implements RiskGuard {
    public static final String REASON = "circuit-breaker";
    private final double maxDrawdown;
    private final double drawdown24h;
    private final double drawdown7d;
    private final int losses;
    private final int apiErrorsPerMinute;
    private final int orderFailures;
    private final int failedTradesPerHour;
    private final RollingCount apiErrors = new RollingCount(60_000);
    private final RollingCount failuresInHour = new RollingCount(3_600_000);
    private int failuresInRow;
    private final RollingMax day = new RollingMax(86_400_000L);
    private final RollingMax week = new RollingMax(7 * 86_400_000L);
    private final TradeOutcomes outcomes = new TradeOutcomes();
    private double peak = Double.NaN;
    private int streak;
    private String trippedBy;

    /** The drawdown and losing-streak triggers only (venue-error triggers off). */
    public CircuitBreakerGuard(double maxDrawdown, double drawdown24h, double drawdown7d, int losses) {
        this(maxDrawdown, drawdown24h, drawdown7d, losses, 0, 0, 0);
    }

    /** Every trigger; 0 turns one off. */
    public CircuitBreakerGuard(double maxDrawdown, double drawdown24h, double drawdown7d, int losses, int apiErrorsPerMinute,
                               int orderFailures, int failedTradesPerHour) {
        this.maxDrawdown = maxDrawdown;
        this.drawdown24h = drawdown24h;
        this.drawdown7d = drawdown7d;
        this.losses = losses;
        this.apiErrorsPerMinute = apiErrorsPerMinute;
        this.orderFailures = orderFailures;
        this.failedTradesPerHour = failedTradesPerHour;
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
    public void onApiError(String call, String message, long time) {
        int inMinute = apiErrors.add(time);
        if (apiErrorsPerMinute > 0 && inMinute >= apiErrorsPerMinute && trippedBy == null) {
            trippedBy = inMinute + " API errors within a minute (last: " + call + ": " + message + ")";
        }
    }

    @Override
    public void onOrderFailed(org.trellis.api.execution.Order order, String reason, long time) {
        failuresInRow++;
        int inHour = failuresInHour.add(time);
        if (trippedBy != null) {
            return;
        }
        if (orderFailures > 0 && failuresInRow >= orderFailures) {
            trippedBy = failuresInRow + " order failures in a row (last: " + reason + ")";
        } else if (failedTradesPerHour > 0 && inHour >= failedTradesPerHour) {
            trippedBy = inHour + " failed orders within an hour (last: " + reason + ")";
        }
    }

    @Override
    public void onFill(Fill fill, PortfolioView portfolio) {
        failuresInRow = 0;
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
        apiErrors.clear();
        failuresInHour.clear();
        failuresInRow = 0;
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
        m.put("orderFailuresInARow", failuresInRow);
        return m;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "stop all entries for the session after a drawdown (total, 24h, 7 days), a losing streak, or "
                    + "the venue's API errors and order failures (reason circuit-breaker)",
                    List.of(ParamSpec.number("max-drawdown", 0.20, "fall from the equity peak; 0 = off").between(0, 1),
                            ParamSpec.number("drawdown-24h", 0.05, "fall from the last 24 hours' high; 0 = off").between(0, 1),
                            ParamSpec.number("drawdown-7d", 0.10, "fall from the last 7 days' high; 0 = off").between(0, 1),
                            ParamSpec.integer("losses", 10, "losing trades in a row; 0 = off").atLeast(0),
                            ParamSpec.integer("api-errors-per-minute", 3, "failed venue calls within a minute; 0 = off").atLeast(0),
                            ParamSpec.integer("order-failures", 5, "failed orders in a row; 0 = off").atLeast(0),
                            ParamSpec.integer("failed-trades-per-hour", 5, "failed orders within an hour; 0 = off").atLeast(0)),
                    p -> new CircuitBreakerGuard(p.getDouble("max-drawdown", 0.20), p.getDouble("drawdown-24h", 0.05),
                            p.getDouble("drawdown-7d", 0.10), p.getInt("losses", 10), p.getInt("api-errors-per-minute", 3),
                            p.getInt("order-failures", 5), p.getInt("failed-trades-per-hour", 5)));
        }
    }
}
