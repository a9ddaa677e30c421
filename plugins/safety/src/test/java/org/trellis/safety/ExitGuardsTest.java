package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.safety.Fake.BTC;
import static org.trellis.safety.Fake.MIN;
import static org.trellis.safety.Fake.T0;
import static org.trellis.safety.Fake.entry;
import static org.trellis.safety.Fake.onBar;
import static org.trellis.safety.Fake.review;

import org.junit.jupiter.api.Test;
import org.trellis.api.market.Instrument;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.Verdict;

/** Guards that close positions: trailing-stop, max-age, pre-expiry (stop-loss and take-profit: ReturnExitGuardTest). */
class ExitGuardsTest {
    final Fake.Portfolio portfolio = new Fake.Portfolio();

    @Test
    void trailingStopClosesAtPctFromTheBestCloseAndNotBefore() {
        TrailingStopGuard guard = new TrailingStopGuard(0.10, 0);
        portfolio.position(BTC, 1, 100, T0);
        assertFalse(onBar(guard, portfolio, BTC, T0 + MIN, 120).requested(), "new high: 120");
        assertFalse(onBar(guard, portfolio, BTC, T0 + 2 * MIN, 108.01).requested(), "9.99% below the best");
        ForceClose at = onBar(guard, portfolio, BTC, T0 + 3 * MIN, 108);
        assertTrue(at.requested(), "10% below 120");
        assertEquals("trailing-stop", at.reason());
    }

    @Test
    void trailingStopTrailsShortsFromTheirLowestCloseAndRestartsForANewPosition() {
        TrailingStopGuard guard = new TrailingStopGuard(0.05, 0);
        portfolio.position(BTC, -1, 100, T0);
        onBar(guard, portfolio, BTC, T0 + MIN, 80);
        assertTrue(onBar(guard, portfolio, BTC, T0 + 2 * MIN, 84).requested(), "5% above the low of 80");
        portfolio.position(BTC, 1, 90, T0 + 5 * MIN); // a new long: its own best, from its entry
        assertFalse(onBar(guard, portfolio, BTC, T0 + 6 * MIN, 86).requested(), "4.4% below its entry");
        assertTrue(onBar(guard, portfolio, BTC, T0 + 7 * MIN, 85.5).requested(), "5% below its entry");
    }

    @Test
    void trailingStopWaitsForItsActivationGain() {
        TrailingStopGuard guard = new TrailingStopGuard(0.05, 0.10);
        portfolio.position(BTC, 1, 100, T0);
        onBar(guard, portfolio, BTC, T0 + MIN, 109);
        assertFalse(onBar(guard, portfolio, BTC, T0 + 2 * MIN, 100).requested(), "best gain 9%: not trailing yet");
        onBar(guard, portfolio, BTC, T0 + 3 * MIN, 110);
        assertTrue(onBar(guard, portfolio, BTC, T0 + 4 * MIN, 104.5).requested());
    }

    @Test
    void maxAgeClosesAtTheLimitExactly() {
        MaxAgeGuard guard = new MaxAgeGuard(840);
        portfolio.position(BTC, 1, 100, T0);
        assertFalse(onBar(guard, portfolio, BTC, T0 + 839_999, 100).requested());
        ForceClose at = onBar(guard, portfolio, BTC, T0 + 840_000, 100);
        assertTrue(at.requested());
        assertEquals("max-age", at.reason());
        portfolio.position(BTC, 0, 0, 0);
        assertFalse(onBar(guard, portfolio, BTC, T0 + 10_000_000, 100).requested(), "nothing to close");
    }

    @Test
    void preExpiryClosesAndRefusesEntriesInTheLastMinutesOfABinaryContract() {
        PreExpiryGuard guard = new PreExpiryGuard(3);
        Instrument up = Instrument.binary("BTC-UP-1015", T0 + 15 * MIN);
        portfolio.position(up, 10, 0.55, T0);
        assertFalse(onBar(guard, portfolio, up, T0 + 12 * MIN - 1, 0.6).requested());
        ForceClose at = onBar(guard, portfolio, up, T0 + 12 * MIN, 0.6);
        assertTrue(at.requested());
        assertEquals("pre-expiry", at.reason());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(up, T0 + 12 * MIN - 1, 1, 0.5, 0.7), portfolio).outcome());
        Verdict late = review(guard, entry(up, T0 + 12 * MIN, 1, 0.5, 0.7), portfolio);
        assertEquals(Verdict.Outcome.VETO, late.outcome());
        assertEquals("pre-expiry", late.reason());
        portfolio.position(BTC, 1, 100, T0);
        assertFalse(onBar(guard, portfolio, BTC, T0 + 12 * MIN, 100).requested(), "spot instruments do not expire");
    }
}
