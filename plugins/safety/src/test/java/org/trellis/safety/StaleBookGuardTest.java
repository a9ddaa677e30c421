package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.safety.Fake.BTC;
import static org.trellis.safety.Fake.ETH;
import static org.trellis.safety.Fake.T0;
import static org.trellis.safety.Fake.entry;
import static org.trellis.safety.Fake.onBar;
import static org.trellis.safety.Fake.review;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.Verdict;

class StaleBookGuardTest {
    final Fake.Portfolio portfolio = new Fake.Portfolio();
    final List<HealthEvent> events = new ArrayList<>();
    final StaleBookGuard guard = new StaleBookGuard(30, 60, 0.5);

    StaleBookGuardTest() {
        guard.attach(events::add);
    }

    @Test
    void aSilentFeedDegradesThenGoesCriticalAndItsPositionIsClosedThenItRecovers() {
        portfolio.position(ETH, 2, 100, T0);
        onBar(guard, portfolio, BTC, T0, 100);
        onBar(guard, portfolio, ETH, T0, 100);
        // one-minute bars: the next ETH bar is due a minute after its last; lateness counts from then
        onBar(guard, portfolio, BTC, T0 + 90_000, 100);
        assertTrue(events.isEmpty(), "exactly 30 s late: still fine");
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(ETH, T0 + 90_000, 1, 100, Double.NaN), portfolio).outcome());

        ForceClose degraded = onBar(guard, portfolio, BTC, T0 + 90_001, 100);
        assertFalse(degraded.requested());
        assertEquals(HealthEvent.Level.DEGRADED, events.get(0).level());
        assertEquals("ETH/USD", events.get(0).instrument());
        assertEquals(30_001, events.get(0).staleness());
        assertEquals("no new entries", events.get(0).action());
        assertNull(events.get(1).instrument(), "1 of 2 instruments stale: the system is unhealthy");
        Verdict eth = review(guard, entry(ETH, T0 + 90_001, 1, 100, Double.NaN), portfolio);
        assertEquals(Verdict.Outcome.VETO, eth.outcome());
        assertEquals("stale-book", eth.reason());
        assertEquals(Verdict.Outcome.VETO, review(guard, entry(BTC, T0 + 90_001, 1, 100, Double.NaN), portfolio).outcome(),
                "an unhealthy system takes no entries anywhere");
        assertEquals(Verdict.Outcome.ALLOW, review(guard, Fake.exit(ETH, T0 + 90_001, OrderPurpose.EXIT), portfolio).outcome(),
                "closes still go");

        ForceClose critical = onBar(guard, portfolio, BTC, T0 + 120_001, 100);
        assertTrue(critical.requested());
        assertEquals("ETH/USD", critical.instrument(), "the silent instrument's position, not the current one's");
        assertEquals("stale-book", critical.reason());
        assertEquals(HealthEvent.Level.CRITICAL, events.get(2).level());
        assertEquals("emergency close", events.get(2).action());
        ForceClose again = onBar(guard, portfolio, BTC, T0 + 130_000, 100);
        assertEquals("ETH/USD", again.instrument(), "asked again while the position is open (the engine sends one at a time)");

        onBar(guard, portfolio, ETH, T0 + 150_000, 100);
        assertEquals(HealthEvent.Level.RECOVERED, events.get(3).level());
        assertEquals("ETH/USD", events.get(3).instrument());
        assertEquals(HealthEvent.Level.RECOVERED, events.get(4).level());
        assertNull(events.get(4).instrument());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(ETH, T0 + 150_000, 1, 100, Double.NaN), portfolio).outcome());
    }

    @Test
    void severalCriticalFeedsAreAskedForInTurn() {
        portfolio.position(ETH, 1, 100, T0);
        portfolio.position(Fake.Instrument2.SOL, 1, 100, T0);
        onBar(guard, portfolio, ETH, T0, 100);
        onBar(guard, portfolio, Fake.Instrument2.SOL, T0, 100);
        onBar(guard, portfolio, BTC, T0, 100);
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (int k = 0; k < 4; k++) {
            asked.add(onBar(guard, portfolio, BTC, T0 + 200_000 + k * 60_000, 100).instrument());
        }
        assertEquals(java.util.Set.of("ETH/USD", "SOL/USD"), asked, "one instrument's pending close does not starve the other");
    }

    @Test
    void healthyFeedsOfEqualBarsAreNeverStaleWithTheDefaults() {
        StaleBookGuard defaults = new StaleBookGuard(30, 60, 0.5);
        defaults.attach(events::add);
        for (int m = 1; m <= 120; m++) {
            for (var i : List.of(BTC, ETH, Fake.Instrument2.SOL)) {
                onBar(defaults, portfolio, i, T0 + m * Fake.MIN, 100);
            }
        }
        assertEquals(List.of(), events, "three one-minute feeds in step: nothing is late");
    }
}
