package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.safety.Fake.BTC;
import static org.trellis.safety.Fake.MIN;
import static org.trellis.safety.Fake.T0;
import static org.trellis.safety.Fake.entry;
import static org.trellis.safety.Fake.fill;
import static org.trellis.safety.Fake.review;

import org.junit.jupiter.api.Test;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.risk.Verdict;

/** The circuit breaker's venue triggers (API 0.3): API errors a minute, order failures in a row, failed orders an hour. */
class CircuitBreakerVenueTest {
    final Fake.Portfolio portfolio = new Fake.Portfolio();
    static final Order ORDER = new Order(7, BTC, OrderSide.BUY, 1, OrderPurpose.ENTRY, "signal", T0);

    private static CircuitBreakerGuard breaker(int apiErrors, int inARow, int perHour) {
        return new CircuitBreakerGuard(0, 0, 0, 0, apiErrors, inARow, perHour);
    }

    private Verdict.Outcome entryAt(CircuitBreakerGuard guard, long time) {
        return review(guard, entry(BTC, time, 1, 100, 0.9), portfolio).outcome();
    }

    @Test
    void apiErrorsTripItOnlyWhenEnoughFallWithinOneMinute() {
        CircuitBreakerGuard guard = breaker(3, 0, 0);
        guard.onApiError("book BTC", "timeout", T0);
        guard.onApiError("book BTC", "timeout", T0 + 30_000);
        guard.onApiError("book BTC", "timeout", T0 + 60_000); // the first one is a minute old: out of the window
        assertNull(guard.trippedBy());
        assertEquals(Verdict.Outcome.ALLOW, entryAt(guard, T0 + 60_000));
        guard.onApiError("book ETH", "502", T0 + 60_001);
        assertEquals("3 API errors within a minute (last: book ETH: 502)", guard.trippedBy());
        assertEquals(Verdict.Outcome.VETO, entryAt(guard, T0 + 5 * MIN));
        assertEquals(Verdict.Outcome.ALLOW, review(guard, Fake.exit(BTC, T0 + 5 * MIN, OrderPurpose.EXIT), portfolio).outcome(),
                "closes are never blocked");
    }

    @Test
    void orderFailuresInARowTripItAndAFillStartsTheCountAgain() {
        CircuitBreakerGuard guard = breaker(0, 3, 0);
        guard.onOrderFailed(ORDER, "rejected", T0);
        guard.onOrderFailed(ORDER, "rejected", T0 + MIN);
        fill(guard, portfolio, BTC, OrderPurpose.ENTRY, "signal", 1, 100, T0 + 2 * MIN, 0);
        guard.onOrderFailed(ORDER, "rejected", T0 + 3 * MIN);
        guard.onOrderFailed(ORDER, "rejected", T0 + 4 * MIN);
        assertNull(guard.trippedBy(), "two, a fill, two: never three in a row");
        guard.onOrderFailed(ORDER, "insufficient balance", T0 + 5 * MIN);
        assertEquals("3 order failures in a row (last: insufficient balance)", guard.trippedBy());
        assertEquals(Verdict.Outcome.VETO, entryAt(guard, T0 + 6 * MIN));
    }

    @Test
    void failedOrdersWithinAnHourTripItFillsOrNot() {
        CircuitBreakerGuard guard = breaker(0, 0, 3);
        guard.onOrderFailed(ORDER, "rejected", T0);
        fill(guard, portfolio, BTC, OrderPurpose.ENTRY, "signal", 1, 100, T0 + MIN, 0);
        guard.onOrderFailed(ORDER, "rejected", T0 + 30 * MIN);
        guard.onOrderFailed(ORDER, "rejected", T0 + 60 * MIN); // the first is an hour old
        assertNull(guard.trippedBy());
        guard.onOrderFailed(ORDER, "rejected", T0 + 61 * MIN);
        assertEquals("3 failed orders within an hour (last: rejected)", guard.trippedBy());
    }

    @Test
    void theFactoryTakesTheSourcesDefaultsAndZeroTurnsATriggerOff() {
        CircuitBreakerGuard defaults = (CircuitBreakerGuard) new CircuitBreakerGuard.Factory().create(
                org.trellis.api.plugin.Params.empty());
        for (int i = 0; i < 3; i++) {
            defaults.onApiError("book", "x", T0 + i);
        }
        assertTrue(defaults.trippedBy().startsWith("3 API errors"), defaults.trippedBy());
        CircuitBreakerGuard off = breaker(0, 0, 0);
        for (int i = 0; i < 100; i++) {
            off.onApiError("book", "x", T0 + i);
            off.onOrderFailed(ORDER, "x", T0 + i);
        }
        assertNull(off.trippedBy());
        off.reset();
        assertEquals(0, off.state().get("orderFailuresInARow"));
    }
}
