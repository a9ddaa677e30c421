package org.trellis.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.KillSwitch;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/**
 * After {@code limit} losing trades in a row, refuses entries (reason {@value #REASON}) for
 * {@code pause-minutes}, or for the rest of the session when that is 0 (the binary-market system's
 * consecutive-loss limit of 3, which tripped its kill switch: set {@code kill-switch} for that). A
 * winning trade resets the count.
 */
public final class LossStreakGuard implements RiskGuard {
    public static final String REASON = "loss-streak";
    private final int limit;
    private final long pauseMillis;
    private final boolean killSwitch;
    private KillSwitch strategySwitch = KillSwitch.NONE;
    private final TradeOutcomes outcomes = new TradeOutcomes();
    private int streak;
    private long blockedUntil = Long.MIN_VALUE;

    public LossStreakGuard(int limit, long pauseMinutes) {
        this(limit, pauseMinutes, false);
    }

    /** {@code killSwitch}: also trip the strategy's kill switch (close everything, no entries for the session). */
    public LossStreakGuard(int limit, long pauseMinutes, boolean killSwitch) {
        this.limit = limit;
        this.pauseMillis = pauseMinutes * 60_000;
        this.killSwitch = killSwitch;
    }

    @Override
    public void attach(KillSwitch strategySwitch) {
        this.strategySwitch = strategySwitch;
    }

    @Override
    public void onFill(Fill fill, PortfolioView portfolio) {
        TradeOutcomes.Outcome o = outcomes.onFill(fill, portfolio);
        if (o == null) {
            return;
        }
        streak = o.pnl() < 0 ? streak + 1 : 0;
        if (streak >= limit) {
            blockedUntil = pauseMillis == 0 ? Long.MAX_VALUE : o.time() + pauseMillis;
            streak = 0;
            if (killSwitch) {
                strategySwitch.engage(REASON);
            }
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && intent.time() < blockedUntil) {
            verdict.veto(REASON);
        }
    }

    @Override
    public void reset() {
        outcomes.reset();
        streak = 0;
        blockedUntil = Long.MIN_VALUE;
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streak", streak);
        m.put("blockedUntil", blockedUntil == Long.MIN_VALUE ? null : blockedUntil == Long.MAX_VALUE ? "session end" : blockedUntil);
        return m;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "refuse entries after <limit> losing trades in a row (reason loss-streak)",
                    List.of(ParamSpec.integer("limit", 3, "losing trades in a row that stop entries").atLeast(1),
                            ParamSpec.integer("pause-minutes", 0, "how long entries stay stopped; 0 = the rest of the session").atLeast(0),
                            ParamSpec.bool("kill-switch", false, "also trip the strategy's kill switch")),
                    p -> new LossStreakGuard(p.getInt("limit", 3), p.getInt("pause-minutes", 0), p.getBoolean("kill-switch", false)));
        }
    }
}
