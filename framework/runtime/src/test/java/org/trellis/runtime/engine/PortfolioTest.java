package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PositionView;
import org.trellis.runtime.engine.ClosedTrade.Direction;

/**
 * Portfolio accounting with hand-computed numbers: cash moves by {@code -(q * p) - fee} on a buy and
 * {@code q * p - fee} on a sell; equity = cash + sum of quantity * mark; a round trip's PnL is the price
 * move times quantity minus its share of the entry fees and of the exit fee.
 */
class PortfolioTest {
    private static final double EPS = 1e-9;
    private static final Instrument X = Instrument.spot("X/USD");
    private static final Instrument Y = Instrument.spot("Y/USD");
    private long nextId = 1;

    private Fill fill(Instrument i, OrderSide side, double qty, double price, double fee, long time) {
        Order order = new Order(nextId++, i, side, qty, OrderPurpose.ENTRY, "r" + time, time);
        return new Fill(order, qty, price, fee, time);
    }

    private Fill fill(OrderSide side, double qty, double price, double fee, long time) {
        return fill(X, side, qty, price, fee, time);
    }

    @Test
    void longRoundTrip() {
        Portfolio p = new Portfolio(10_000, List.of(X));
        p.apply(fill(OrderSide.BUY, 10, 100, 1, 1), "enter");
        // cash = 10,000 - 10 * 100 - 1 = 8,999
        assertEquals(8_999, p.cash(), EPS);
        PositionView pos = p.position(X);
        assertEquals(10, pos.quantity());
        assertEquals(100, pos.entryPrice());
        assertEquals(1, pos.entryTime());
        assertTrue(pos.isLong());
        // marked at the fill price until a close comes: equity = 8,999 + 10 * 100 = 9,999
        assertEquals(9_999, p.equity(), EPS);
        p.mark(0, 110);
        // equity = 8,999 + 10 * 110 = 10,099; unrealised = (110 - 100) * 10 = 100 = 10% of the 1,000 notional
        assertEquals(10_099, p.equity(), EPS);
        assertEquals(100, pos.unrealizedPnl(), EPS);
        assertEquals(0.1, pos.unrealizedReturn(), EPS);
        assertEquals(1_100, p.grossExposure(), EPS);
        assertEquals(1, p.openPositions());

        p.apply(fill(OrderSide.SELL, 10, 110, 1.1, 2), "exit");
        // cash = 8,999 + 10 * 110 - 1.1 = 10,097.9
        assertEquals(10_097.9, p.cash(), EPS);
        assertEquals(10_097.9, p.equity(), EPS);
        // PnL = (110 - 100) * 10 - 1 - 1.1 = 97.9; fees 2.1
        ClosedTrade t = only(p.trades());
        assertEquals(new ClosedTrade(X, Direction.LONG, 1, 100, 2, 110, 10, t.pnl(), t.fees(), "enter", "exit"), t);
        assertEquals(97.9, t.pnl(), EPS);
        assertEquals(2.1, t.fees(), EPS);
        assertEquals(97.9 / 1_000, t.returnOnNotional(), EPS);
        assertEquals(97.9, p.realizedPnl(), EPS);
        assertEquals(2.1, p.feesPaid(), EPS);
        // identity when flat: equity = capital + realised PnL
        assertEquals(p.initialCapital() + p.realizedPnl(), p.equity(), EPS);
        assertFlat(p.position(X));
        assertEquals(0, p.openPositions());
    }

    @Test
    void shortRoundTrip() {
        Portfolio p = new Portfolio(10_000, List.of(X));
        p.apply(fill(OrderSide.SELL, 5, 200, 1, 1), "enter");
        // a short sale credits the proceeds: cash = 10,000 + 5 * 200 - 1 = 10,999; equity = 10,999 - 5 * 200 = 9,999
        assertEquals(10_999, p.cash(), EPS);
        assertEquals(9_999, p.equity(), EPS);
        assertEquals(-5, p.position(X).quantity());
        assertTrue(p.position(X).isShort());
        p.mark(0, 180);
        // equity = 10,999 - 5 * 180 = 10,099; unrealised = (180 - 200) * -5 = +100, return 100 / 1,000 = 0.1
        assertEquals(10_099, p.equity(), EPS);
        assertEquals(100, p.position(X).unrealizedPnl(), EPS);
        assertEquals(0.1, p.position(X).unrealizedReturn(), EPS);
        assertEquals(900, p.grossExposure(), EPS);

        p.apply(fill(OrderSide.BUY, 5, 180, 0.9, 2), "exit");
        // cash = 10,999 - 5 * 180 - 0.9 = 10,098.1; PnL = (200 - 180) * 5 - 1 - 0.9 = 98.1
        assertEquals(10_098.1, p.cash(), EPS);
        ClosedTrade t = only(p.trades());
        assertEquals(Direction.SHORT, t.direction());
        assertEquals(200, t.entryPrice());
        assertEquals(180, t.exitPrice());
        assertEquals(5, t.quantity());
        assertEquals(98.1, t.pnl(), EPS);
        assertEquals(1.9, t.fees(), EPS);
        assertEquals(p.initialCapital() + p.realizedPnl(), p.equity(), EPS);
        assertFlat(p.position(X));
    }

    @Test
    void reversalThroughZeroInOneFill() {
        Portfolio p = new Portfolio(10_000, List.of(X));
        p.apply(fill(OrderSide.BUY, 10, 100, 1, 1), "long");
        // sell 15 @ 120 with fee 1.8: 10 close the long, 5 open a short
        p.apply(fill(OrderSide.SELL, 15, 120, 1.8, 2), "flip");
        // cash = 10,000 - 1,000 - 1 + 15 * 120 - 1.8 = 10,797.2
        assertEquals(10_797.2, p.cash(), EPS);
        // closing part: 10 of 15, so exit fee share = 1.8 * 10 / 15 = 1.2; entry fee 1 all belongs to these 10
        // PnL = (120 - 100) * 10 - 1 - 1.2 = 197.8
        ClosedTrade t = only(p.trades());
        assertEquals(Direction.LONG, t.direction());
        assertEquals(10, t.quantity(), EPS);
        assertEquals(197.8, t.pnl(), EPS);
        assertEquals(2.2, t.fees(), EPS);
        assertEquals("long", t.entryReason());
        assertEquals("flip", t.exitReason());
        // the new short: 5 @ 120, opened at time 2 by the same fill, carrying the other 0.6 of its fee
        PositionView pos = p.position(X);
        assertEquals(-5, pos.quantity(), EPS);
        assertEquals(120, pos.entryPrice());
        assertEquals(2, pos.entryTime());
        p.mark(0, 120);
        // equity = 10,797.2 - 5 * 120 = 10,197.2 = capital + realised + unrealised - open entry fees
        //        = 10,000 + 197.8 + 0 - 0.6
        assertEquals(10_197.2, p.equity(), EPS);
        assertEquals(p.initialCapital() + p.realizedPnl() + pos.unrealizedPnl() - 0.6, p.equity(), EPS);

        p.apply(fill(OrderSide.BUY, 5, 110, 0.55, 3), "cover");
        // short PnL = (120 - 110) * 5 - 0.6 - 0.55 = 48.85; the entry reason of the short is the flip
        ClosedTrade s = p.trades().get(1);
        assertEquals(Direction.SHORT, s.direction());
        assertEquals(48.85, s.pnl(), EPS);
        assertEquals(1.15, s.fees(), EPS);
        assertEquals("flip", s.entryReason());
        assertEquals(2, s.entryTime());
        // cash = 10,797.2 - 550 - 0.55 = 10,246.65 = 10,000 + 197.8 + 48.85
        assertEquals(10_246.65, p.cash(), EPS);
        assertEquals(p.initialCapital() + p.realizedPnl(), p.equity(), EPS);
        // fees: 1 + 1.8 + 0.55 = 3.35, and the trades' fee shares add up to it
        assertEquals(3.35, p.feesPaid(), EPS);
        assertEquals(p.feesPaid(), t.fees() + s.fees(), EPS);
        assertFlat(pos);
    }

    @Test
    void partialCloseSplitsEntryFees() {
        Portfolio p = new Portfolio(10_000, List.of(X));
        p.apply(fill(OrderSide.BUY, 10, 100, 2, 1), "in");
        p.apply(fill(OrderSide.SELL, 4, 105, 0.42, 2), "part");
        // 4 of 10 close: entry fee share = 2 * 4 / 10 = 0.8; PnL = (105 - 100) * 4 - 0.8 - 0.42 = 18.78
        ClosedTrade a = only(p.trades());
        assertEquals(4, a.quantity(), EPS);
        assertEquals(18.78, a.pnl(), EPS);
        assertEquals(1.22, a.fees(), EPS);
        // the rest keeps its entry price, time and reason
        PositionView pos = p.position(X);
        assertEquals(6, pos.quantity(), EPS);
        assertEquals(100, pos.entryPrice());
        assertEquals(1, pos.entryTime());
        // cash = 10,000 - 1,000 - 2 + 420 - 0.42 = 9,417.58; marked at 105: equity = 9,417.58 + 630 = 10,047.58
        p.mark(0, 105);
        assertEquals(9_417.58, p.cash(), EPS);
        assertEquals(10_047.58, p.equity(), EPS);
        // = capital + realised 18.78 + unrealised (105 - 100) * 6 = 30 - open entry fees 1.2
        assertEquals(10_000 + 18.78 + 30 - 1.2, p.equity(), EPS);

        p.apply(fill(OrderSide.SELL, 6, 95, 0.57, 3), "rest");
        // PnL = (95 - 100) * 6 - 1.2 - 0.57 = -31.77
        ClosedTrade b = p.trades().get(1);
        assertEquals(-31.77, b.pnl(), EPS);
        assertEquals(1.77, b.fees(), EPS);
        assertEquals("in", b.entryReason());
        assertEquals(2 + 0.42 + 0.57, p.feesPaid(), EPS);
        assertEquals(p.feesPaid(), a.fees() + b.fees(), EPS);
        assertEquals(p.initialCapital() + p.realizedPnl(), p.equity(), EPS);
        assertFlat(pos);
    }

    @Test
    void addingAveragesTheEntryPrice() {
        Portfolio p = new Portfolio(10_000, List.of(X));
        p.apply(fill(OrderSide.BUY, 10, 100, 1, 1), "a");
        p.apply(fill(OrderSide.BUY, 10, 110, 1.1, 2), "b");
        // average = (10 * 100 + 10 * 110) / 20 = 105; the entry time and reason stay the first fill's
        assertEquals(105, p.position(X).entryPrice(), EPS);
        assertEquals(1, p.position(X).entryTime());
        p.apply(fill(OrderSide.SELL, 20, 120, 2.4, 3), "out");
        // PnL = (120 - 105) * 20 - (1 + 1.1) - 2.4 = 295.5
        ClosedTrade t = only(p.trades());
        assertEquals(295.5, t.pnl(), EPS);
        assertEquals(4.5, t.fees(), EPS);
        assertEquals("a", t.entryReason());
        assertEquals(p.initialCapital() + p.realizedPnl(), p.equity(), EPS);
    }

    @Test
    void twoInstrumentsAndThePeak() {
        Portfolio p = new Portfolio(10_000, List.of(X, Y));
        p.apply(fill(X, OrderSide.BUY, 10, 100, 0, 1), "x");
        p.apply(fill(Y, OrderSide.SELL, 5, 200, 0, 1), "y");
        p.mark(0, 120);
        p.mark(1, 210);
        // cash = 10,000 - 1,000 + 1,000 = 10,000; equity = 10,000 + 10 * 120 - 5 * 210 = 10,150
        assertEquals(10_000, p.cash(), EPS);
        assertEquals(10_150, p.equity(), EPS);
        // gross = |1,200| + |-1,050| = 2,250
        assertEquals(2_250, p.grossExposure(), EPS);
        assertEquals(2, p.openPositions());
        p.updatePeak(p.equity());
        assertEquals(10_150, p.peakEquity(), EPS);
        p.mark(0, 90);
        p.updatePeak(p.equity());
        // equity fell to 10,000 + 900 - 1,050 = 9,850: the peak stays
        assertEquals(9_850, p.equity(), EPS);
        assertEquals(10_150, p.peakEquity(), EPS);
    }

    private static ClosedTrade only(List<ClosedTrade> trades) {
        assertEquals(1, trades.size(), trades::toString);
        return trades.get(0);
    }

    private static void assertFlat(PositionView pos) {
        assertFalse(pos.isOpen());
        assertEquals(0, pos.quantity());
        assertTrue(Double.isNaN(pos.entryPrice()));
        assertEquals(Long.MIN_VALUE, pos.entryTime());
        assertEquals(0, pos.unrealizedPnl());
    }
}
