package org.trellis.safety;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;

/**
 * After a position in an instrument closes, refuses entries in it for the next {@code bars} bars
 * (freqtrade's CooldownPeriod): reason {@value #REASON}. The bar whose open filled the exit counts
 * as the first.
 */
public final class CooldownGuard implements RiskGuard {
    public static final String REASON = "cooldown";
    private final int bars;
    /** Per instrument: bars of cooldown still to go. */
    private final Map<Instrument, int[]> left = new HashMap<>();

    public CooldownGuard(int bars) {
        this.bars = bars;
    }

    @Override
    public void onFill(Fill fill, PortfolioView portfolio) {
        if (fill.order().purpose() != OrderPurpose.ENTRY) {
            left.computeIfAbsent(fill.order().instrument(), k -> new int[1])[0] = bars + 1;
        }
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        int[] n = left.get(context.instrument());
        if (n != null && n[0] > 0) {
            n[0]--;
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        int[] n = left.get(intent.instrument());
        if (intent.isEntry() && n != null && n[0] > 0) {
            verdict.veto(REASON);
        }
    }

    @Override
    public void reset() {
        left.clear();
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new java.util.TreeMap<>();
        left.forEach((i, n) -> {
            if (n[0] > 0) {
                m.put(i.symbol(), n[0]);
            }
        });
        return m.isEmpty() ? Map.of() : Map.of("barsLeft", m);
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "refuse entries in an instrument for <bars> bars after a position in it closed (reason cooldown)",
                    List.of(ParamSpec.integer("bars", 5, "bars without entries after an exit").atLeast(1)),
                    p -> new CooldownGuard(p.getInt("bars", 5)));
        }
    }
}
