package org.trellis.rl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TradingRulesTest {
    private static final double EPS = 1e-12;
    private final Position position = new Position();
    private final Fill fill = new Fill();

    /** Bids 0.48 x 100, 0.47 x 50; asks 0.52 x 100, 0.53 x 50. */
    private static OrderBook book() {
        OrderBook book = new OrderBook();
        book.set(new double[] {0.48, 0.47}, new double[] {100, 50}, new double[] {0.52, 0.53}, new double[] {100, 50});
        return book;
    }

    @Test
    void buyWalksTheAsksAtTheirVolumeWeightedPrice() {
        new TradingRules(0, FillMode.WALK_BOOK).apply(Action.BUY, 60, book(), position, fill);
        // 100 shares at 0.52 = $52, then $8 at 0.53 = 15.0943 shares
        double shares = 100 + 8 / 0.53;
        assertEquals(Fill.Outcome.OPENED, fill.outcome());
        assertEquals(Token.UP, fill.token());
        assertEquals(shares, fill.shares(), EPS);
        assertEquals(60 / shares, fill.averagePrice(), EPS);
        assertEquals(0, fill.unfilled(), EPS);
        assertEquals(Token.UP, position.token());
        assertEquals(60 / shares, position.entryPrice(), EPS);
    }

    @Test
    void openingFillsWhatTheBookHoldsAndReportsTheRest() {
        new TradingRules(0, FillMode.WALK_BOOK).apply(Action.BUY, 100, book(), position, fill);
        assertEquals(150, fill.shares(), EPS);
        assertEquals((52 + 26.5) / 150, fill.averagePrice(), EPS);
        assertEquals(100 - 78.5, fill.unfilled(), EPS);
        assertEquals(150, position.shares(), EPS);
    }

    @Test
    void sellOpensDownAtOneMinusTheBids() {
        new TradingRules(0, FillMode.WALK_BOOK).apply(Action.SELL, 26, book(), position, fill);
        assertEquals(Token.DOWN, fill.token());
        assertEquals(50, fill.shares(), EPS, "DOWN's best ask is 1 - 0.48 = 0.52 for the 100 shares bid at 0.48");
        assertEquals(0.52, fill.averagePrice(), EPS);
        assertEquals(-1, position.side());
    }

    @Test
    void closingSellsEverySharePaysFeesBothWaysAndRealizesSharePnl() {
        TradingRules rules = new TradingRules(0.01, FillMode.WALK_BOOK);
        position.open(Token.UP, 120, 0.40, 0.48);
        rules.apply(Action.SELL, 10, book(), position, fill);
        double proceeds = 100 * 0.48 + 20 * 0.47;
        assertEquals(Fill.Outcome.CLOSED, fill.outcome());
        assertEquals(120, fill.shares(), EPS);
        assertEquals(proceeds / 120, fill.averagePrice(), EPS);
        assertEquals(0.01 * proceeds, fill.fee(), EPS);
        assertEquals(proceeds - 0.40 * 120 - 0.01 * proceeds - 0.48, fill.realizedPnl(), EPS);
        assertFalse(position.isOpen());
    }

    @Test
    void closeLargerThanTheBookLeavesTheRestOpenWithItsShareOfEntryFees() {
        position.open(Token.DOWN, 200, 0.50, 2.0);
        new TradingRules(0, FillMode.WALK_BOOK).apply(Action.BUY, 0, book(), position, fill);
        // DOWN sells into the UP asks at 1 - 0.52 and 1 - 0.53
        assertEquals(Fill.Outcome.PARTLY_CLOSED, fill.outcome());
        assertEquals(150, fill.shares(), EPS);
        assertEquals(50, fill.unfilled(), EPS);
        assertEquals(100 * 0.48 + 50 * 0.47 - 150 * 0.50 - 1.5, fill.realizedPnl(), EPS);
        assertEquals(50, position.shares(), EPS);
        assertEquals(0.5, position.entryFees(), EPS);
    }

    @Test
    void noPyramidingAndNoDepthAreReportedNotTraded() {
        TradingRules rules = new TradingRules(0, FillMode.WALK_BOOK);
        position.open(Token.UP, 10, 0.5, 0);
        rules.apply(Action.BUY, 10, book(), position, fill);
        assertEquals(Fill.Outcome.REFUSED, fill.outcome());
        assertEquals(10, position.shares());
        OrderBook noAsks = new OrderBook();
        noAsks.set(new double[] {0.4}, new double[] {10}, new double[0], new double[0]);
        Position flat = new Position();
        rules.apply(Action.BUY, 10, noAsks, flat, fill);
        assertEquals(Fill.Outcome.NO_DEPTH, fill.outcome());
        assertEquals(10, fill.unfilled());
        assertNull(flat.token());
        rules.apply(Action.HOLD, 10, book(), flat, fill);
        assertEquals(Fill.Outcome.NONE, fill.outcome());
    }

    @Test
    void midModeFillsEverythingAtTheMid() {
        new TradingRules(0, FillMode.MID).apply(Action.SELL, 1000, book(), position, fill);
        assertEquals(0.5, fill.averagePrice(), EPS);
        assertEquals(2000, fill.shares(), EPS);
        assertEquals(0, fill.unfilled());
    }

    @Test
    void simulatorRefusesASecondActionOnTheSameTick() {
        BinaryMarketSimulator sim = new BinaryMarketSimulator(SimulatorConfig.of(Tapes.fourSynthetic(), 3, 1));
        sim.advance();
        assertEquals(Fill.Outcome.OPENED, sim.act(1, Action.BUY, 5).outcome());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.act(1, Action.SELL, 5));
        assertTrue(e.getMessage().contains("eth already acted"), e.getMessage());
        sim.advance();
        assertEquals(Fill.Outcome.CLOSED, sim.act(1, Action.SELL, 5).outcome());
    }

    @Test
    void handBuiltBooksAreChecked() {
        OrderBook book = new OrderBook();
        assertThrows(IllegalArgumentException.class, () -> book.set(new double[] {0.5}, new double[] {1}, new double[] {0.5}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> book.set(new double[] {0.4, 0.45}, new double[] {1, 1}, new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> book.set(new double[] {0.4}, new double[] {0}, new double[0], new double[0]));
    }
}
