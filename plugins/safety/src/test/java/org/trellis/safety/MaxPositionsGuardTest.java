package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.Verdict;

class MaxPositionsGuardTest {
    static final Instrument BTC = Instrument.spot("BTC/USD");

    static Verdict review(MaxPositionsGuard guard, int open, boolean thisOneOpen, OrderPurpose purpose) {
        PortfolioView portfolio = mock(PortfolioView.class);
        PositionView position = mock(PositionView.class);
        when(position.isOpen()).thenReturn(thisOneOpen);
        when(portfolio.position(BTC)).thenReturn(position);
        when(portfolio.openPositions()).thenReturn(open);
        Verdict v = new Verdict();
        guard.review(new OrderIntent(BTC, OrderSide.BUY, 1, purpose, 100, Double.NaN, 0), portfolio, v);
        return v;
    }

    @Test
    void entriesPassBelowTheLimitAndAreVetoedAtIt() {
        MaxPositionsGuard guard = new MaxPositionsGuard(2);
        assertEquals(Verdict.Outcome.ALLOW, review(guard, 0, false, OrderPurpose.ENTRY).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, 1, false, OrderPurpose.ENTRY).outcome());
        Verdict atLimit = review(guard, 2, false, OrderPurpose.ENTRY);
        assertEquals(Verdict.Outcome.VETO, atLimit.outcome());
        assertEquals("max-positions", atLimit.reason());
        assertEquals(Verdict.Outcome.VETO, review(guard, 3, false, OrderPurpose.ENTRY).outcome());
    }

    @Test
    void exitsAndAddingToAnOpenPositionAreNotNewPositions() {
        MaxPositionsGuard guard = new MaxPositionsGuard(1);
        assertEquals(Verdict.Outcome.ALLOW, review(guard, 5, true, OrderPurpose.EXIT).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, 5, true, OrderPurpose.FORCED_EXIT).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, 1, true, OrderPurpose.ENTRY).outcome());
    }

    @Test
    void entriesSentButNotFilledYetCount() {
        Fake.Portfolio portfolio = new Fake.Portfolio();
        portfolio.pendingEntries = 1; // another instrument's entry went out on this bar
        MaxPositionsGuard guard = new MaxPositionsGuard(1);
        Verdict v = new Verdict();
        guard.review(new OrderIntent(BTC, OrderSide.BUY, 1, OrderPurpose.ENTRY, 100, Double.NaN, 0), portfolio, v);
        assertEquals(Verdict.Outcome.VETO, v.outcome());
    }

    @Test
    void aLimitBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaxPositionsGuard(0));
        assertEquals("max-positions limit must be >= 1, got 0", e.getMessage());
    }
}
