package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trellis.safety.Fake.BTC;
import static org.trellis.safety.Fake.ETH;
import static org.trellis.safety.Fake.MIN;
import static org.trellis.safety.Fake.T0;
import static org.trellis.safety.Fake.entry;
import static org.trellis.safety.Fake.onBar;
import static org.trellis.safety.Fake.review;
import static org.trellis.safety.Fake.trade;

import org.junit.jupiter.api.Test;
import org.trellis.api.risk.Verdict;

/** Guards that judge entries: exposure, confidence-floor, cooldown, stoploss-guard, low-profit. */
class EntryGuardsTest {
    final Fake.Portfolio portfolio = new Fake.Portfolio();

    @Test
    void exposureResizesToThePerPositionCapAndRefusesWhenTheTotalIsFull() {
        ExposureGuard guard = new ExposureGuard(0.30, 0.50, 0, 0, true);
        Verdict cut = review(guard, entry(BTC, T0, 50, 100, Double.NaN), portfolio); // 5,000 wanted, 3,000 allowed
        assertEquals(Verdict.Outcome.RESIZE, cut.outcome());
        assertEquals(30, cut.quantity(), 1e-9);
        assertEquals("exposure", cut.reason());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0, 30, 100, Double.NaN), portfolio).outcome(), "exactly 30%");
        portfolio.position(BTC, 30, 100, T0);
        portfolio.cash -= 3_000;
        assertEquals(Verdict.Outcome.VETO, review(guard, entry(BTC, T0, 1, 100, Double.NaN), portfolio).outcome(), "one per instrument");
        Verdict eth = review(guard, entry(ETH, T0, 30, 100, Double.NaN), portfolio); // total 50%: 2,000 left
        assertEquals(20, eth.quantity(), 1e-9);
        portfolio.position(ETH, 20, 100, T0);
        portfolio.cash -= 2_000;
        assertEquals(Verdict.Outcome.VETO, review(guard, entry(Fake.Instrument2.SOL, T0, 1, 100, Double.NaN), portfolio).outcome());
    }

    @Test
    void exposureCountsEntriesNotFilledYet() {
        ExposureGuard guard = new ExposureGuard(0.5, 0.5, 0, 0, true);
        portfolio.pendingNotional = 4_000; // another instrument's entry went out on this bar
        assertEquals(10, review(guard, entry(ETH, T0, 50, 100, Double.NaN), portfolio).quantity(), 1e-9, "1,000 left of 5,000");
    }

    @Test
    void exposureCapsInCurrencyToo() {
        ExposureGuard guard = new ExposureGuard(1, 1, 1_000, 1_500, false);
        assertEquals(10, review(guard, entry(BTC, T0, 50, 100, Double.NaN), portfolio).quantity(), 1e-9);
        portfolio.position(BTC, 10, 100, T0);
        portfolio.cash -= 1_000;
        assertEquals(5, review(guard, entry(ETH, T0, 50, 100, Double.NaN), portfolio).quantity(), 1e-9, "1,500 in total");
    }

    @Test
    void confidenceFloorRefusesBelowTheMinimumOnly() {
        ConfidenceFloorGuard guard = new ConfidenceFloorGuard(0.6);
        assertEquals(Verdict.Outcome.VETO, review(guard, entry(BTC, T0, 1, 100, 0.5999), portfolio).outcome());
        assertEquals("confidence-floor", review(guard, entry(BTC, T0, 1, 100, 0.5), portfolio).reason());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0, 1, 100, 0.6), portfolio).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0, 1, 100, Double.NaN), portfolio).outcome(), "no probability");
    }

    @Test
    void cooldownRefusesEntriesInTheInstrumentForTheNextBars() {
        CooldownGuard guard = new CooldownGuard(2);
        trade(guard, portfolio, BTC, T0 + MIN, 1, "signal");
        onBar(guard, portfolio, BTC, T0 + MIN, 100); // the exit's bar
        assertEquals(Verdict.Outcome.VETO, review(guard, entry(BTC, T0 + MIN, 1, 100, Double.NaN), portfolio).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(ETH, T0 + MIN, 1, 100, Double.NaN), portfolio).outcome(), "other instruments");
        onBar(guard, portfolio, BTC, T0 + 2 * MIN, 100);
        assertEquals("cooldown", review(guard, entry(BTC, T0 + 2 * MIN, 1, 100, Double.NaN), portfolio).reason());
        onBar(guard, portfolio, BTC, T0 + 3 * MIN, 100);
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0 + 3 * MIN, 1, 100, Double.NaN), portfolio).outcome());
    }

    @Test
    void stoplossGuardLocksAllEntriesAfterCountStopOutsWithinTheLookback() {
        StoplossGuard guard = new StoplossGuard(2, 60, 30, java.util.Set.of("stop-loss", "trailing-stop"));
        trade(guard, portfolio, BTC, T0, -1, "stop-loss");
        trade(guard, portfolio, ETH, T0 + 30 * MIN, -1, "signal"); // not a stop-out
        trade(guard, portfolio, ETH, T0 + 60 * MIN, -1, "trailing-stop"); // 60 min after the first: outside
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0 + 60 * MIN, 1, 100, Double.NaN), portfolio).outcome());
        trade(guard, portfolio, BTC, T0 + 70 * MIN, -1, "stop-loss");
        Verdict v = review(guard, entry(ETH, T0 + 70 * MIN, 1, 100, Double.NaN), portfolio);
        assertEquals(Verdict.Outcome.VETO, v.outcome());
        assertEquals("stoploss-guard", v.reason());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(ETH, T0 + 100 * MIN, 1, 100, Double.NaN), portfolio).outcome());
    }

    @Test
    void lowProfitLocksTheInstrumentWhoseRecentTradesReturnedTooLittle() {
        LowProfitGuard guard = new LowProfitGuard(360, 2, 0.0, 60);
        trade(guard, portfolio, BTC, T0, -2, "signal"); // -2%
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0, 1, 100, Double.NaN), portfolio).outcome(), "one trade");
        trade(guard, portfolio, BTC, T0 + MIN, 1, "signal"); // -1% over two trades
        Verdict v = review(guard, entry(BTC, T0 + MIN, 1, 100, Double.NaN), portfolio);
        assertEquals(Verdict.Outcome.VETO, v.outcome());
        assertEquals("low-profit", v.reason());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(ETH, T0 + MIN, 1, 100, Double.NaN), portfolio).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0 + 61 * MIN, 1, 100, Double.NaN), portfolio).outcome());
        trade(guard, portfolio, ETH, T0 + 2 * MIN, 3, "signal");
        trade(guard, portfolio, ETH, T0 + 3 * MIN, 0, "signal"); // +3%: fine
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(ETH, T0 + 3 * MIN, 1, 100, Double.NaN), portfolio).outcome());
    }
}
