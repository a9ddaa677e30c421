package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.TestStrategies;

/** Engine behaviours a review found wrong once: clock, mixed runs, leverage, decisions while pending. */
class EngineReviewRegressionTest {
    private static final Params SMA = Params.of(Map.of("fast", 10, "slow", 30));

    private static ColumnarBarSeries firstDay() {
        ColumnarBarSeries btc = BundledData.bars("btc-usd-1m");
        return btc.between(btc.time(0), btc.time(0) + 24 * 3_600_000L);
    }

    /** Closes any position held longer than two hours by the parts' clock. */
    private static RiskGuard timeout(List<Long> heldAtClose) {
        return new RiskGuard() {
            @Override
            public void onBar(StrategyContext c, ForceClose f) {
                if (c.position().isOpen()) {
                    long held = c.clock().nowMillis() - c.position().entryTime();
                    heldAtClose.add(held);
                    if (held > 120 * 60_000L) {
                        f.close("timeout");
                    }
                }
            }
        };
    }

    @Test
    void theClockIsTheBarCloseInBacktestAndPaperAlike() {
        ColumnarBarSeries bars = firstDay();
        BacktestEngine engine = new BacktestEngine(PartRegistry.discover(), EngineSettings.defaults());
        List<Long> heldBt = new ArrayList<>();
        RunResult bt = engine.run("sma-cross", SMA, List.of(bars), List.of(timeout(heldBt)), ProgressListener.NONE);
        PaperModeTest.FakeWall wall = new PaperModeTest.FakeWall();
        wall.millis = 1_800_000_000_000L; // a wall clock years after the data
        List<Long> heldPaper = new ArrayList<>();
        RunResult paper = engine.run("sma-cross", SMA, List.of(bars), List.of(timeout(heldPaper)), ProgressListener.NONE,
                new PaperReplay(1e9, wall, wall::sleep), RunListener.NONE);
        assertEquals(bt.trades(), paper.trades(), "a time-based guard behaves the same in paper mode");
        assertEquals(heldBt, heldPaper);
        // entered at a bar's open (next-open fill) and looked at that bar's close: held one bar, not zero
        assertEquals(60_000L, heldBt.get(0));
        long timeouts = bt.trades().stream().filter(t -> t.exitReason().equals("timeout")).count();
        assertTrue(timeouts < bt.trades().size(), "timeouts only for long holds, not for every trade");
    }

    @Test
    void instrumentsWithDifferentBarSizesOrNoCommonPeriodAreRefused() {
        BacktestEngine engine = new BacktestEngine(PartRegistry.discover(), EngineSettings.defaults());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> engine.run("sma-cross", SMA,
                List.of(BundledData.bars("btc-usd-1m"), new SyntheticBars(1, 3_600_000L, BundledData.bars("btc-usd-1m").time(0), 100)
                        .generate(100)), List.of(), ProgressListener.NONE));
        assertTrue(mixed.getMessage().contains("one bar size"), mixed.getMessage());
        ColumnarBarSeries later = new SyntheticBars(1, 60_000L, 1_700_000_000_000L, 100).generate(500);
        IllegalArgumentException apart = assertThrows(IllegalArgumentException.class, () -> engine.run("sma-cross", SMA,
                List.of(BundledData.bars("btc-usd-1m"), later), List.of(), ProgressListener.NONE));
        assertTrue(apart.getMessage().contains("overlap"), apart.getMessage());
    }

    @Test
    void twoInstrumentsShareOneEquityWithoutBorrowing() {
        ColumnarBarSeries a = flat("A", 100, 50);
        ColumnarBarSeries b = flat("B", 50, 50);
        PartRegistry registry = PartRegistry.discover();
        // buys at every bar: without a limit, each instrument would put all of equity in
        registry.register(TestStrategies.named("always-buy", () -> (c, d) -> d.set(Side.BUY, Double.NaN, Double.NaN)));
        EngineSettings settings = EngineSettings.defaults().withCosts(0, 0);
        RunResult r = new BacktestEngine(registry, settings).run("always-buy", Params.empty(), List.of(a, b), List.of(),
                ProgressListener.NONE);
        // A took all 10,000 of equity at the first bar (its order still unfilled when B asked);
        // B found no room left, every bar, and said so; A's position is closed when the data ends
        assertEquals(1, r.trades().size(), r.trades()::toString);
        assertEquals("A", r.trades().get(0).instrument().symbol());
        double notional = r.trades().stream().mapToDouble(t -> t.entryPrice() * t.quantity()).sum();
        assertTrue(notional <= settings.capital() * 1.0000001, "gross notional " + notional + " exceeds equity");
        assertTrue(r.vetoes().getOrDefault(BacktestEngine.NO_BUYING_POWER, 0) > 0, r.vetoes()::toString);
    }

    private static ColumnarBarSeries flat(String symbol, double price, int n) {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot(symbol), symbol);
        for (int i = 0; i < n; i++) {
            b.add(1_700_000_000_000L + i * 60_000L, price, price, price, price, 1);
        }
        return b.build();
    }

    @Test
    void theStrategyIsAskedAtEveryBarEvenWhileAnOrderWaits() {
        // records the bars it is asked about; buys at bar 40, and again at 45 (while a forced exit waits)
        List<Integer> asked = new ArrayList<>();
        PartRegistry registry = PartRegistry.discover();
        registry.register(TestStrategies.named("recording", () -> (c, d) -> {
            asked.add(c.barIndex());
            if (c.barIndex() == 40 || c.barIndex() == 45) {
                d.set(Side.BUY, Double.NaN, Double.NaN);
            }
        }));
        // a guard that force-closes at bar 45 with next-open fills: that exit waits during bar 45's decision
        RiskGuard closeAt45 = new RiskGuard() {
            @Override
            public void onBar(StrategyContext c, ForceClose f) {
                if (c.barIndex() == 45) {
                    f.close("test");
                }
            }
        };
        ColumnarBarSeries bars = flat("X", 100, 60);
        RunResult r = new BacktestEngine(registry, EngineSettings.defaults()).run("recording", Params.empty(),
                List.of(bars), List.of(closeAt45), ProgressListener.NONE);
        List<Integer> every = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            every.add(i);
        }
        assertEquals(every, asked, "no features, no warm-up: every bar, bar 45 included");
        // the buy at 40 fills at 41's open; the guard's exit at 45 fills at 46's open; the buy decided at
        // 45 is not acted on, since the exit was still waiting: one round trip, flat at the end
        assertEquals(1, r.trades().size(), r.trades()::toString);
        assertEquals("test", r.trades().get(0).exitReason());
    }
}
