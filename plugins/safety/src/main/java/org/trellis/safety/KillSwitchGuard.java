package org.trellis.safety;

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
 * The last line: trips the strategy's kill switch when its equity has lost {@code max-loss} of its
 * starting capital (then every position is closed, exit reason {@code kill-switch}, and no entry is
 * accepted for the session); and, while the switch is engaged by anyone (this guard, daily-loss or
 * loss-streak with kill-switch=true, the status page), refuses entries with reason
 * {@value #REASON}.
 */
public final class KillSwitchGuard implements RiskGuard {
    public static final String REASON = "kill-switch";
    private final double maxLoss;
    private KillSwitch strategySwitch = KillSwitch.NONE;

    public KillSwitchGuard(double maxLoss) {
        this.maxLoss = maxLoss;
    }

    @Override
    public void attach(KillSwitch strategySwitch) {
        this.strategySwitch = strategySwitch;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        PortfolioView p = context.portfolio();
        if (maxLoss > 0 && !strategySwitch.engaged() && p.equity() <= p.initialCapital() * (1 - maxLoss)) {
            strategySwitch.engage(REASON + " (lost " + Math.round(maxLoss * 100) + "% of capital)");
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && strategySwitch.engaged()) {
            verdict.veto(REASON);
        }
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        return Map.of("engaged", strategySwitch.engaged());
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "trip the strategy's kill switch after losing max-loss of its capital; refuse entries while "
                    + "any kill switch is engaged (reason kill-switch)",
                    List.of(ParamSpec.number("max-loss", 0.5, "loss of starting capital that trips it; 0 = only obey").between(0, 1)),
                    p -> new KillSwitchGuard(p.getDouble("max-loss", 0.5)));
        }
    }
}
