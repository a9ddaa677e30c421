package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.trellis.safety.Fake.BTC;
import static org.trellis.safety.Fake.MIN;
import static org.trellis.safety.Fake.T0;
import static org.trellis.safety.Fake.entry;
import static org.trellis.safety.Fake.onBar;
import static org.trellis.safety.Fake.review;
import static org.trellis.safety.Fake.trade;

import org.junit.jupiter.api.Test;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.risk.Verdict;

/** Guards that stop trading after losses: daily-loss, loss-streak, circuit-breaker. */
class LossGuardsTest {
    final Fake.Portfolio portfolio = new Fake.Portfolio();
    static final long DAY = 86_400_000L;

    Verdict.Outcome entryAt(org.trellis.api.risk.RiskGuard guard, long time) {
        return review(guard, entry(BTC, time, 1, 100, Double.NaN), portfolio).outcome();
    }

    @Test
    void dailyLossTripsAtThePercentOfTheDaysOpeningAndResetsTheNextDay() {
        DailyLossGuard guard = new DailyLossGuard(0.05, 0);
        onBar(guard, portfolio, BTC, T0 + MIN, 100); // day opens at 10,000
        portfolio.cash = 9_500.01;
        onBar(guard, portfolio, BTC, T0 + 2 * MIN, 100);
        assertEquals(Verdict.Outcome.ALLOW, entryAt(guard, T0 + 2 * MIN), "4.9999% down");
        portfolio.cash = 9_500;
        onBar(guard, portfolio, BTC, T0 + 3 * MIN, 100);
        assertEquals(Verdict.Outcome.VETO, entryAt(guard, T0 + 3 * MIN), "5% down");
        assertEquals("daily-loss", review(guard, entry(BTC, T0 + 3 * MIN, 1, 100, Double.NaN), portfolio).reason());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, Fake.exit(BTC, T0 + 3 * MIN, OrderPurpose.EXIT), portfolio).outcome());
        onBar(guard, portfolio, BTC, T0 + DAY + MIN, 100); // a new day opens at 9,500
        assertEquals(Verdict.Outcome.ALLOW, entryAt(guard, T0 + DAY + MIN));
    }

    @Test
    void dailyLossByAmount() {
        DailyLossGuard guard = new DailyLossGuard(0, 100);
        onBar(guard, portfolio, BTC, T0 + MIN, 100);
        portfolio.cash = 9_900.01;
        onBar(guard, portfolio, BTC, T0 + 2 * MIN, 100);
        assertEquals(Verdict.Outcome.ALLOW, entryAt(guard, T0 + 2 * MIN));
        portfolio.cash = 9_900;
        onBar(guard, portfolio, BTC, T0 + 3 * MIN, 100);
        assertEquals(Verdict.Outcome.VETO, entryAt(guard, T0 + 3 * MIN));
    }

    @Test
    void lossStreakStopsEntriesAfterTheLimitAndAWinResetsTheCount() {
        LossStreakGuard guard = new LossStreakGuard(3, 30);
        trade(guard, portfolio, BTC, T0 + MIN, -5, "signal");
        trade(guard, portfolio, BTC, T0 + 2 * MIN, -5, "signal");
        trade(guard, portfolio, BTC, T0 + 3 * MIN, 1, "signal"); // a win: back to 0
        trade(guard, portfolio, BTC, T0 + 4 * MIN, -5, "signal");
        trade(guard, portfolio, BTC, T0 + 5 * MIN, -5, "signal");
        assertEquals(Verdict.Outcome.ALLOW, entryAt(guard, T0 + 5 * MIN), "two losses in a row");
        trade(guard, portfolio, BTC, T0 + 6 * MIN, -0.01, "signal");
        assertEquals(Verdict.Outcome.VETO, entryAt(guard, T0 + 6 * MIN), "three");
        assertEquals(Verdict.Outcome.VETO, entryAt(guard, T0 + 36 * MIN - 1));
        assertEquals(Verdict.Outcome.ALLOW, entryAt(guard, T0 + 36 * MIN), "after the 30-minute pause");
        assertEquals(java.util.Map.of("streak", 0, "blockedUntil", T0 + 36 * MIN), guard.state());
        assertEquals("loss-streak", guard.name());
    }

    @Test
    void circuitBreakerTripsOnTheTotalDrawdownAndStaysTripped() {
        CircuitBreakerGuard guard = new CircuitBreakerGuard(0.20, 0, 0, 0);
        onBar(guard, portfolio, BTC, T0 + MIN, 100);
        portfolio.cash = 12_000;
        onBar(guard, portfolio, BTC, T0 + 2 * MIN, 100); // peak 12,000
        portfolio.cash = 9_600.01;
        onBar(guard, portfolio, BTC, T0 + 3 * MIN, 100);
        assertNull(guard.trippedBy());
        portfolio.cash = 9_600;
        onBar(guard, portfolio, BTC, T0 + 4 * MIN, 100);
        assertEquals("drawdown", guard.trippedBy());
        portfolio.cash = 50_000;
        onBar(guard, portfolio, BTC, T0 + 5 * DAY, 100);
        Verdict v = review(guard, entry(BTC, T0 + 5 * DAY, 1, 100, 0.9), portfolio);
        assertEquals(Verdict.Outcome.VETO, v.outcome(), "manual reset only");
        assertEquals("circuit-breaker", v.reason());
    }

    @Test
    void circuitBreakerWatchesTheLast24HoursAndSevenDays() {
        CircuitBreakerGuard day = new CircuitBreakerGuard(0, 0.05, 0, 0);
        portfolio.cash = 10_000;
        onBar(day, portfolio, BTC, T0, 100);
        portfolio.cash = 9_600;
        onBar(day, portfolio, BTC, T0 + DAY + MIN, 100); // the 10,000 high left the 24-hour window
        assertNull(day.trippedBy());
        portfolio.cash = 9_120;
        onBar(day, portfolio, BTC, T0 + DAY + 2 * MIN, 100); // 5% below the 24h high of 9,600
        assertEquals("24h drawdown", day.trippedBy());

        CircuitBreakerGuard week = new CircuitBreakerGuard(0, 0, 0.10, 0);
        portfolio.cash = 10_000;
        onBar(week, portfolio, BTC, T0, 100);
        portfolio.cash = 9_000;
        onBar(week, portfolio, BTC, T0 + 6 * DAY, 100);
        assertEquals("7-day drawdown", week.trippedBy());
    }

    @Test
    void circuitBreakerTripsOnALosingStreak() {
        CircuitBreakerGuard guard = new CircuitBreakerGuard(0, 0, 0, 2);
        trade(guard, portfolio, BTC, T0 + MIN, -1, "signal");
        assertNull(guard.trippedBy());
        trade(guard, portfolio, BTC, T0 + 2 * MIN, -1, "signal");
        assertEquals("2 losses in a row", guard.trippedBy());
    }
}
