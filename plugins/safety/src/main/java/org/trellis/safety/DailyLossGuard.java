package org.trellis.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.KillSwitch;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;

/**
 * Refuses entries for the rest of the (UTC) day once equity has fallen {@code pct} below the day's
 * opening equity, or by {@code amount} (the source systems: 5% daily drawdown; $100 a day): reason
 * {@value #REASON}. The next day starts afresh, unless {@code kill-switch} is set: then it also trips
 * the strategy's kill switch, as the binary-market system's daily loss limit did.
 */
public final class DailyLossGuard implements RiskGuard {
    public static final String REASON = "daily-loss";
    private static final long DAY = 86_400_000L;
    private final double pct;
    private final double amount;
    private final boolean killSwitch;
    private KillSwitch strategySwitch = KillSwitch.NONE;
    private long day = Long.MIN_VALUE;
    private double opening;
    private boolean tripped;

    public DailyLossGuard(double pct, double amount) {
        this(pct, amount, false);
    }

    /** {@code killSwitch}: also trip the strategy's kill switch (close everything, no entries for the session). */
    public DailyLossGuard(double pct, double amount, boolean killSwitch) {
        this.pct = pct;
        this.amount = amount;
        this.killSwitch = killSwitch;
    }

    @Override
    public void attach(KillSwitch strategySwitch) {
        this.strategySwitch = strategySwitch;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        long today = Math.floorDiv(context.clock().nowMillis(), DAY);
        PortfolioView p = context.portfolio();
        if (today != day) {
            day = today;
            opening = p.equity();
            tripped = false;
        }
        double lost = opening - p.equity();
        if (!tripped && ((pct > 0 && lost >= opening * pct) || (amount > 0 && lost >= amount))) {
            tripped = true;
            if (killSwitch) {
                strategySwitch.engage(REASON);
            }
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && tripped && Math.floorDiv(intent.time(), DAY) == day) {
            verdict.veto(REASON);
        }
    }

    @Override
    public void reset() {
        day = Long.MIN_VALUE;
        tripped = false;
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tripped", tripped);
        m.put("dayOpeningEquity", day == Long.MIN_VALUE ? null : opening);
        return m;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "refuse entries for the rest of the UTC day after losing pct of the day's opening equity, or amount "
                    + "(reason daily-loss)",
                    List.of(ParamSpec.number("pct", 0.05, "loss as a fraction of the day's opening equity; 0 = off").between(0, 1),
                            ParamSpec.number("amount", 0, "loss in quote currency; 0 = off").atLeast(0),
                            ParamSpec.bool("kill-switch", false, "also trip the strategy's kill switch")),
                    p -> new DailyLossGuard(p.getDouble("pct", 0.05), p.getDouble("amount", 0), p.getBoolean("kill-switch", false)));
        }
    }
}
