package org.trellis.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.HealthReporter;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;

/**
 * Market-data health, as the binary-market system watched it: an instrument whose data is older
 * than {@code degraded-seconds} (30) is degraded (no new entries in it), older than
 * {@code critical-seconds} (60) critical (its position is closed at once); when at least
 * {@code system-share} (half) of the instruments are stale the system is unhealthy and no entry is
 * accepted anywhere (closes still are). Reason {@value #REASON}. Each transition (degraded,
 * critical, recovered; for an instrument or the system) is reported as a health event: journaled,
 * shown on the status page, alerted.
 *
 * <p>An instrument's data is late by the run's clock minus its last bar's close, less one bar (the
 * next bar is not due before then): the guard sees every instrument's bars, so a silent feed shows
 * up while the others keep coming. Critical instruments' closes are asked for in turn while their
 * positions are open (the engine sends one only when none of that instrument's orders is pending).
 */
public final class StaleBookGuard implements RiskGuard {
    public static final String REASON = "stale-book";
    private final long degradedMillis;
    private final long criticalMillis;
    private final double systemShare;
    /** Per symbol: the instrument, when its data last came, and its state (0 fine, 1 degraded, 2 critical). */
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private boolean systemUnhealthy;
    private int lastAsked = -1;
    private HealthReporter health = HealthReporter.NONE;

    private static final class Feed {
        final Instrument instrument;
        long last;
        int state;


        Feed(Instrument instrument) {
            this.instrument = instrument;
        }
    }

    public StaleBookGuard(double degradedSeconds, double criticalSeconds, double systemShare) {
        this.degradedMillis = Math.round(degradedSeconds * 1000);
        this.criticalMillis = Math.round(criticalSeconds * 1000);
        this.systemShare = systemShare;
    }

    @Override
    public void attach(HealthReporter reporter) {
        this.health = reporter;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        long now = context.clock().nowMillis();
        long bar = Math.max(0, now - context.bar().time()); // the cadence at which data is due
        Feed current = feeds.computeIfAbsent(context.instrument().symbol(), s -> new Feed(context.instrument()));
        if (current.state != 0) {
            health.report(new HealthEvent(now, current.instrument.symbol(), HealthEvent.Level.RECOVERED, now - current.last,
                    "entries allowed again", "data is flowing again"));
            current.state = 0;
        }
        current.last = now;
        int stale = 0;
        for (Feed f : feeds.values()) {
            long age = now - f.last - bar;
            int state = age > criticalMillis ? 2 : age > degradedMillis ? 1 : 0;
            if (state > f.state) {
                boolean critical = state == 2;
                health.report(new HealthEvent(now, f.instrument.symbol(), critical ? HealthEvent.Level.CRITICAL
                        : HealthEvent.Level.DEGRADED, age, critical ? "emergency close" : "no new entries",
                        "no data for " + age / 1000 + " s"));
                f.state = state;
            }
            stale += f.state > 0 ? 1 : 0;
        }
        askForOneClose(context, forceClose);
        boolean unhealthy = feeds.size() >= 2 && stale >= systemShare * feeds.size();
        if (unhealthy != systemUnhealthy) {
            systemUnhealthy = unhealthy;
            health.report(new HealthEvent(now, null, unhealthy ? HealthEvent.Level.DEGRADED : HealthEvent.Level.RECOVERED, -1,
                    unhealthy ? "no new entries anywhere" : "entries allowed again",
                    stale + " of " + feeds.size() + " instruments stale"));
        }
    }

    /**
     * One close request fits a bar check: ask for the critical instruments' closes in turn, so that one
     * whose close cannot go out yet (an order of it is pending) does not keep the others waiting.
     */
    private void askForOneClose(StrategyContext context, ForceClose forceClose) {
        List<Feed> all = new java.util.ArrayList<>(feeds.values());
        for (int k = 1; k <= all.size() && !forceClose.requested(); k++) {
            Feed f = all.get((lastAsked + k) % all.size());
            if (f.state == 2 && context.portfolio().position(f.instrument).isOpen()) {
                forceClose.close(f.instrument.symbol(), REASON);
                lastAsked = (lastAsked + k) % all.size();
            }
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (!intent.isEntry()) {
            return;
        }
        Feed f = feeds.get(intent.instrument().symbol());
        if (systemUnhealthy || (f != null && f.state > 0)) {
            verdict.veto(REASON);
        }
    }

    @Override
    public void reset() {
        feeds.clear();
        lastAsked = -1;
        systemUnhealthy = false;
    }

    @Override
    public String name() {
        return REASON;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> feedsState = new java.util.TreeMap<>();
        feeds.forEach((symbol, f) -> feedsState.put(symbol, f.state == 2 ? "critical" : f.state == 1 ? "degraded" : "ok"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("systemUnhealthy", systemUnhealthy);
        m.put("feeds", feedsState);
        return m;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "data health: refuse entries on stale data, close on critically stale data, stop entries when half "
                    + "the instruments are stale (reason stale-book; health events)",
                    List.of(ParamSpec.number("degraded-seconds", 30, "data age at which an instrument takes no new entries").atLeast(0),
                            ParamSpec.number("critical-seconds", 60, "data age at which its position is closed").atLeast(0),
                            ParamSpec.number("system-share", 0.5, "share of stale instruments that stops all entries").between(0, 1)),
                    p -> new StaleBookGuard(p.getDouble("degraded-seconds", 30), p.getDouble("critical-seconds", 60),
                            p.getDouble("system-share", 0.5)));
        }
    }
}
