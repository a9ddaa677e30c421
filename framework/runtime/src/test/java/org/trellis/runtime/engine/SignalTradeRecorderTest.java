package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.ml.spi.StrategyTrades;

/** The pairing of trades with their entry signals, event by event, in the cases a plain backtest rarely shows. */
class SignalTradeRecorderTest {
    private static final Instrument BTC = Instrument.spot("BTC/USD");
    private static final Instrument ETH = Instrument.spot("ETH/USD");
    private static final List<String> NAMES = List.of("f");

    private static Order order(long id, Instrument i, OrderSide side, double qty, OrderPurpose purpose, long time) {
        return new Order(id, i, side, qty, purpose, "signal", time);
    }

    private static ClosedTrade trade(Instrument i, ClosedTrade.Direction d, double qty, double pnl, long exit) {
        return new ClosedTrade(i, d, 0, 100, exit, 101, qty, pnl, 0, "signal", "signal");
    }

    @Test
    void partialFillsAndAPositionClosedInPartsKeepTheirSignal() {
        SignalTradeRecorder r = new SignalTradeRecorder();
        Order entry = order(1, BTC, OrderSide.BUY, 2, OrderPurpose.ENTRY, 60_000);
        r.onOrder(entry, 0.8, new MarketState(100, NAMES, new double[] {7}));
        r.onFill(new Fill(entry, 1.5, 100, 0, 120_000));
        r.onFill(new Fill(entry, 0.5, 100, 0, 120_000));
        r.onTradeClosed(trade(BTC, ClosedTrade.Direction.LONG, 1, 3, 180_000));
        r.onTradeClosed(trade(BTC, ClosedTrade.Direction.LONG, 1, -1, 240_000));
        StrategyTrades t = r.result();
        assertEquals(2, t.trades().size());
        for (StrategyTrades.Trade x : t.trades()) {
            assertEquals(60_000, x.signalTime());
            assertEquals(0.8, x.probability());
            assertArrayEquals(new double[] {7}, x.features());
        }
        assertEquals(0, t.unfilled());
        // flat now: a further close has no entry to pair with
        assertThrows(IllegalStateException.class, () -> r.onTradeClosed(trade(BTC, ClosedTrade.Direction.LONG, 1, 0, 300_000)));
    }

    @Test
    void aReversalPairsTheOldTradeWithTheOldSignalAndInstrumentsStayApart() {
        SignalTradeRecorder r = new SignalTradeRecorder();
        Order shortEntry = order(1, BTC, OrderSide.SELL, 1, OrderPurpose.ENTRY, 60_000);
        r.onOrder(shortEntry, 0.7, new MarketState(100, NAMES, new double[] {1}));
        r.onFill(new Fill(shortEntry, 1, 100, 0, 120_000));
        Order ethEntry = order(2, ETH, OrderSide.BUY, 1, OrderPurpose.ENTRY, 60_000);
        r.onOrder(ethEntry, 0.9, new MarketState(10, NAMES, new double[] {9}));
        r.onFill(new Fill(ethEntry, 1, 10, 0, 120_000));
        // BUY while short: an exit order and an entry order, filled in that order at the next bar
        Order exit = order(3, BTC, OrderSide.BUY, 1, OrderPurpose.EXIT, 180_000);
        Order longEntry = order(4, BTC, OrderSide.BUY, 1, OrderPurpose.ENTRY, 180_000);
        r.onOrder(exit, 0.6, new MarketState(99, NAMES, new double[] {2}));
        r.onOrder(longEntry, 0.6, new MarketState(99, NAMES, new double[] {2}));
        r.onFill(new Fill(exit, 1, 99, 0, 240_000));
        r.onTradeClosed(trade(BTC, ClosedTrade.Direction.SHORT, 1, 1, 240_000));
        r.onFill(new Fill(longEntry, 1, 99, 0, 240_000));
        r.onTradeClosed(trade(BTC, ClosedTrade.Direction.LONG, 1, 2, 300_000));
        Order late = order(5, ETH, OrderSide.SELL, 1, OrderPurpose.ENTRY, 300_000);
        r.onOrder(late, 0.55, new MarketState(10, NAMES, new double[] {3}));
        StrategyTrades t = r.result();
        assertEquals(2, t.trades().size());
        assertEquals(-1, t.trades().get(0).direction());
        assertEquals(0.7, t.trades().get(0).probability());
        assertEquals(1, t.trades().get(1).direction());
        assertEquals(180_000, t.trades().get(1).signalTime());
        assertEquals(1, t.unfilled(), "the entry that never filled");
    }
}
