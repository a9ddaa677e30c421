package org.trellis.rl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementTest {
    private static final long T0 = Tapes.T0;

    /** One window on a hand-built path that opens at 100 and is at {@code close} at the window end; holds UP from the first tick. */
    private static Expiry settleUpPosition(double close) {
        long[] seconds = {T0 - 5, T0 + 300, T0 + 900, T0 + 950};
        double[] prices = {100, 107, close, 50};
        BinaryMarketSimulator sim = new BinaryMarketSimulator(SimulatorConfig.of(List.of(Underlying.recorded("btc", Tapes.of(seconds, prices))), 1, 0)
                .withTickSeconds(60));
        assertTrue(sim.advance());
        assertEquals(T0, sim.now());
        Fill fill = sim.act(0, Action.BUY, 10);
        assertEquals(Fill.Outcome.OPENED, fill.outcome());
        double entry = fill.averagePrice();
        double shares = fill.shares();
        AssetMarket btc = sim.asset(0);
        while (sim.advance() && !btc.expired()) {
            assertTrue(sim.marketsOpen());
        }
        assertTrue(btc.expired());
        assertFalse(sim.marketsOpen(), "the tape ends in the second window, so the first window's end is the final tick");
        assertFalse(sim.advance());
        Expiry expiry = btc.expiry();
        assertEquals(100, expiry.startPrice());
        assertEquals(close, expiry.endPrice(), "the price at the window end is the trade at exactly that second, not the later one");
        assertEquals(Token.UP, expiry.held());
        assertEquals((expiry.payoutUp() - entry) * shares, expiry.pnl(), 1e-12);
        assertTrue(expiry.done());
        assertFalse(btc.position().isOpen(), "settlement closes the position");
        return expiry;
    }

    @Test
    void upPathPaysUpOne() {
        assertEquals(1, settleUpPosition(101).payoutUp());
    }

    @Test
    void downPathPaysUpZero() {
        assertEquals(0, settleUpPosition(99).payoutUp());
    }

    @Test
    void equalPricePaysUpZero() {
        assertEquals(0, settleUpPosition(100).payoutUp());
    }

    @Test
    void downPositionIsPaidTheComplementNetOfEntryFees() {
        long[] seconds = {T0 - 5, T0 + 900, T0 + 1000};
        double[] prices = {100, 99, 99};
        BinaryMarketSimulator sim = new BinaryMarketSimulator(new SimulatorConfig(List.of(Underlying.recorded("btc", Tapes.of(seconds, prices))), 1,
                900, 0.02, FillMode.WALK_BOOK, BookConfig.DEFAULT, 0, 0));
        sim.advance();
        Fill fill = sim.act(0, Action.SELL, 5);
        assertEquals(Token.DOWN, fill.token());
        sim.advance();
        Expiry expiry = sim.asset(0).expiry();
        assertEquals((1 - fill.averagePrice()) * fill.shares() - fill.fee(), expiry.pnl(), 1e-12);
    }

    @Test
    void flatMarketSettlesWithZeroPnlAndOpensTheNextWithHistoryOfItsOwn() {
        long[] seconds = {T0 - 5, T0 + 900, T0 + 1800, T0 + 2700};
        double[] prices = {100, 101, 102, 103};
        BinaryMarketSimulator sim = new BinaryMarketSimulator(SimulatorConfig.of(List.of(Underlying.recorded("btc", Tapes.of(seconds, prices))), 1, 0)
                .withTickSeconds(900));
        sim.advance();
        assertTrue(sim.asset(0).opened());
        sim.advance();
        AssetMarket btc = sim.asset(0);
        assertTrue(btc.expired() && btc.opened());
        assertNull(btc.expiry().held());
        assertEquals(0, btc.expiry().pnl());
        assertEquals(T0 + 900, btc.windowStart());
        assertEquals(101, btc.startPrice(), "the new window starts at the old one's settlement price");
        assertEquals(T0 + 2700, sim.end());
    }
}
