package org.trellis.safety;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/**
 * freqtrade's LowProfitPairs: when an instrument's trades closed within the last
 * {@code lookback-minutes} number at least {@code trades} and their returns add up to less than
 * {@code required-profit}, entries in that instrument are refused for {@code stop-minutes}: reason
 * {@value #REASON}.
 */
public final class LowProfitGuard implements RiskGuard {
    public static final String REASON = "low-profit";
    private final long lookbackMillis;
    private final int minTrades;
    private final double requiredProfit;
    private final long stopMillis;
    private final TradeOutcomes outcomes = new TradeOutcomes();
    private final Map<Instrument, ArrayDeque<TradeOutcomes.Outcome>> recent = new HashMap<>();
    private final Map<Instrument, Long> lockedUntil = new HashMap<>();

    public LowProfitGuard(long lookbackMinutes, int minTrades, double requiredProfit, long stopMinutes) {
        this.lookbackMillis = lookbackMinutes * 60_000;
        this.minTrades = minTrades;
        this.requiredProfit = requiredProfit;
        this.stopMillis = stopMinutes * 60_000;
    }

    @Override
    public void onFill(Fill fill, PortfolioView portfolio) {
        TradeOutcomes.Outcome o = outcomes.onFill(fill, portfolio);
        if (o == null) {
            return;
        }
        ArrayDeque<TradeOutcomes.Outcome> q = recent.computeIfAbsent(o.instrument(), k -> new ArrayDeque<>());
        q.addLast(o);
        while (!q.isEmpty() && q.peekFirst().time() <= o.time() - lookbackMillis) {
            q.removeFirst();
        }
        double sum = 0;
        for (TradeOutcomes.Outcome t : q) {
            sum += t.ret();
        }
        if (q.size() >= minTrades && sum < requiredProfit) {
            lockedUntil.put(o.instrument(), o.time() + stopMillis);
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && intent.time() < lockedUntil.getOrDefault(intent.instrument(), Long.MIN_VALUE)) {
            verdict.veto(REASON);
        }
    }

    @Override
    public void reset() {
        outcomes.reset();
        recent.clear();
        lockedUntil.clear();
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> locked = new java.util.TreeMap<>();
        lockedUntil.forEach((i, t) -> locked.put(i.symbol(), t));
        return locked.isEmpty() ? Map.of() : Map.of("lockedUntil", locked);
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "lock an instrument for stop-minutes when its recent trades returned less than required-profit "
                    + "(reason low-profit)",
                    List.of(ParamSpec.integer("lookback-minutes", 360, "window of trades judged").atLeast(1),
                            ParamSpec.integer("trades", 2, "fewest trades in the window before judging").atLeast(1),
                            ParamSpec.number("required-profit", 0.0, "sum of the trades' returns needed (0.01 = 1%)"),
                            ParamSpec.integer("stop-minutes", 60, "how long the instrument stays locked").atLeast(1)),
                    p -> new LowProfitGuard(p.getInt("lookback-minutes", 360), p.getInt("trades", 2),
                            p.getDouble("required-profit", 0.0), p.getInt("stop-minutes", 60)));
        }
    }
}
