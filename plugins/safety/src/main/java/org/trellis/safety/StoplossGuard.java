package org.trellis.safety;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trellis.api.execution.Fill;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/**
 * freqtrade's StoplossGuard: when {@code count} trades closed by a stop (reasons listed in
 * {@code reasons}) within the last {@code lookback-minutes}, every entry is refused for
 * {@code stop-minutes}: reason {@value #REASON}.
 */
public final class StoplossGuard implements RiskGuard {
    public static final String REASON = "stoploss-guard";
    private final int count;
    private final long lookbackMillis;
    private final long stopMillis;
    private final Set<String> stopReasons;
    private final TradeOutcomes outcomes = new TradeOutcomes();
    private final ArrayDeque<Long> stops = new ArrayDeque<>();
    private long lockedUntil = Long.MIN_VALUE;

    public StoplossGuard(int count, long lookbackMinutes, long stopMinutes, Set<String> stopReasons) {
        this.count = count;
        this.lookbackMillis = lookbackMinutes * 60_000;
        this.stopMillis = stopMinutes * 60_000;
        this.stopReasons = Set.copyOf(stopReasons);
    }

    @Override
    public void onFill(Fill fill, PortfolioView portfolio) {
        TradeOutcomes.Outcome o = outcomes.onFill(fill, portfolio);
        if (o == null || !stopReasons.contains(o.reason())) {
            return;
        }
        stops.addLast(o.time());
        while (!stops.isEmpty() && stops.peekFirst() <= o.time() - lookbackMillis) {
            stops.removeFirst();
        }
        if (stops.size() >= count) {
            lockedUntil = o.time() + stopMillis;
            stops.clear();
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && intent.time() < lockedUntil) {
            verdict.veto(REASON);
        }
    }

    @Override
    public void reset() {
        outcomes.reset();
        stops.clear();
        lockedUntil = Long.MIN_VALUE;
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recentStops", stops.size());
        m.put("lockedUntil", lockedUntil == Long.MIN_VALUE ? null : lockedUntil);
        return m;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "refuse all entries for stop-minutes after <count> stop-outs within lookback-minutes (reason stoploss-guard)",
                    List.of(ParamSpec.integer("count", 4, "stop-outs that lock entries").atLeast(1),
                            ParamSpec.integer("lookback-minutes", 60, "window the stop-outs are counted in").atLeast(1),
                            ParamSpec.integer("stop-minutes", 30, "how long entries stay locked").atLeast(1),
                            ParamSpec.string("reasons", "stop-loss,trailing-stop", "exit reasons that count as stop-outs, comma-separated")),
                    p -> new StoplossGuard(p.getInt("count", 4), p.getInt("lookback-minutes", 60), p.getInt("stop-minutes", 30),
                            Arrays.stream(p.getString("reasons", "stop-loss,trailing-stop").split(",")).map(String::trim)
                                    .filter(r -> !r.isEmpty()).collect(Collectors.toSet())));
        }
    }
}
