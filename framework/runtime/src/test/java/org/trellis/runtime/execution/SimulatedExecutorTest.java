package org.trellis.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Bar;
import org.trellis.api.market.Instrument;

/** Fee and slippage arithmetic of the simulated executor, for both fill timings, worked by hand. */
class SimulatedExecutorTest {
    private static final double EPS = 1e-12;
    private static final Instrument X = Instrument.spot("X/USD");
    private static final Instrument Y = Instrument.spot("Y/USD");

    private record TestBar(long time, double open, double high, double low, double close, double volume) implements Bar {
    }

    private final List<Fill> fills = new ArrayList<>();

    private static Order order(Instrument i, OrderSide side, double qty) {
        return new Order(1, i, side, qty, OrderPurpose.ENTRY, "signal", 1_000);
    }

    @Test
    void nextOpenBuyPaysSlippageAndFeeOnTheNextOpen() {
        // fee 10 bps = 0.001, slippage 5 bps = 0.0005
        SimulatedExecutor ex = new SimulatedExecutor(10, 5, FillTiming.NEXT_OPEN);
        Order o = order(X, OrderSide.BUY, 10);
        ex.submit(o, new TestBar(1_000, 99, 101, 98, 100, 5), fills::add);
        assertTrue(fills.isEmpty(), "next-open never fills on the signal bar");
        assertTrue(ex.hasPending(X));
        assertFalse(ex.hasPending(Y));
        ex.onBar(Y, new TestBar(2_000, 7, 7, 7, 7, 1), fills::add);
        assertTrue(fills.isEmpty(), "another instrument's bar does not fill it");
        ex.onBar(X, new TestBar(2_000, 101, 103, 100, 102, 5), fills::add);
        Fill f = only();
        assertSame(o, f.order());
        // price = open 101 * (1 + 0.0005) = 101.0505; fee = 10 * 101.0505 * 0.001 = 1.010505; at the fill bar's time
        assertEquals(101.0505, f.price(), EPS);
        assertEquals(1.010505, f.fee(), EPS);
        assertEquals(10, f.quantity());
        assertEquals(2_000, f.time());
        assertFalse(ex.hasPending(X));
    }

    @Test
    void nextOpenSellReceivesLessThanTheOpen() {
        SimulatedExecutor ex = new SimulatedExecutor(10, 5, FillTiming.NEXT_OPEN);
        ex.submit(order(X, OrderSide.SELL, 4), new TestBar(1_000, 99, 101, 98, 100, 5), fills::add);
        ex.onBar(X, new TestBar(2_000, 200, 203, 190, 195, 5), fills::add);
        Fill f = only();
        // price = 200 * (1 - 0.0005) = 199.9; fee = 4 * 199.9 * 0.001 = 0.7996
        assertEquals(199.9, f.price(), EPS);
        assertEquals(0.7996, f.fee(), EPS);
        assertEquals(2_000, f.time());
    }

    @Test
    void signalCloseFillsAtOnceOnTheSignalClose() {
        // fee 20 bps = 0.002, slippage 10 bps = 0.001
        SimulatedExecutor ex = new SimulatedExecutor(20, 10, FillTiming.SIGNAL_CLOSE);
        ex.submit(order(X, OrderSide.BUY, 3), new TestBar(1_000, 99, 101, 98, 100, 5), fills::add);
        Fill buy = only();
        // price = 100 * 1.001 = 100.1; fee = 3 * 100.1 * 0.002 = 0.6006; at the signal bar's time
        assertEquals(100.1, buy.price(), EPS);
        assertEquals(0.6006, buy.fee(), EPS);
        assertEquals(1_000, buy.time());
        assertFalse(ex.hasPending(X));
        fills.clear();
        ex.submit(order(X, OrderSide.SELL, 3), new TestBar(5_000, 110, 121, 109, 120, 5), fills::add);
        Fill sell = only();
        // price = 120 * 0.999 = 119.88; fee = 3 * 119.88 * 0.002 = 0.71928
        assertEquals(119.88, sell.price(), EPS);
        assertEquals(0.71928, sell.fee(), EPS);
        assertEquals(5_000, sell.time());
    }

    @Test
    void flattenFillsAtTheLastCloseWhateverTheTiming() {
        for (FillTiming timing : FillTiming.values()) {
            fills.clear();
            SimulatedExecutor ex = new SimulatedExecutor(10, 5, timing);
            ex.flatten(order(X, OrderSide.SELL, 2), new TestBar(9_000, 50, 52, 48, 51, 1), fills::add);
            Fill f = only();
            // price = 51 * 0.9995 = 50.9745; fee = 2 * 50.9745 * 0.001 = 0.101949
            assertEquals(50.9745, f.price(), EPS, timing.name());
            assertEquals(0.101949, f.fee(), EPS, timing.name());
            assertEquals(9_000, f.time());
        }
    }

    @Test
    void zeroCostsFillAtTheBarPrice() {
        SimulatedExecutor ex = new SimulatedExecutor(0, 0, FillTiming.NEXT_OPEN);
        ex.submit(order(X, OrderSide.BUY, 1), new TestBar(1_000, 1, 1, 1, 1, 1), fills::add);
        ex.onBar(X, new TestBar(2_000, 123.45, 130, 120, 125, 1), fills::add);
        assertEquals(123.45, only().price(), 0);
        assertEquals(0, fills.get(0).fee(), 0);
    }

    @Test
    void binaryContractsStayWithinZeroAndOne() {
        Instrument b = Instrument.binary("UP-1200", 10_000);
        SimulatedExecutor ex = new SimulatedExecutor(10, 100, FillTiming.SIGNAL_CLOSE);
        // buy at 0.995 with 1% slippage = 1.00495 -> capped at 1; fee = 100 * 1 * 0.001 = 0.1
        ex.submit(order(b, OrderSide.BUY, 100), new TestBar(1_000, 0.99, 0.995, 0.99, 0.995, 1), fills::add);
        assertEquals(1.0, only().price(), 0);
        assertEquals(0.1, fills.get(0).fee(), EPS);
        fills.clear();
        // sell at 0.004 with 1% slippage = 0.00396, inside [0, 1]
        ex.submit(order(b, OrderSide.SELL, 100), new TestBar(2_000, 0.004, 0.004, 0.004, 0.004, 1), fills::add);
        assertEquals(0.00396, only().price(), EPS);
    }

    @Test
    void cancelAllDropsWhatIsPending() {
        SimulatedExecutor ex = new SimulatedExecutor(10, 5, FillTiming.NEXT_OPEN);
        ex.submit(order(X, OrderSide.BUY, 1), new TestBar(1_000, 1, 1, 1, 1, 1), fills::add);
        ex.submit(order(Y, OrderSide.BUY, 1), new TestBar(1_000, 1, 1, 1, 1, 1), fills::add);
        assertEquals(2, ex.cancelAll());
        assertFalse(ex.hasPending(X));
        ex.onBar(X, new TestBar(2_000, 1, 1, 1, 1, 1), fills::add);
        assertTrue(fills.isEmpty());
        assertEquals(0, ex.cancelAll());
    }

    private Fill only() {
        assertEquals(1, fills.size(), fills::toString);
        return fills.get(0);
    }
}
