package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.TestStrategies;

/** Risk guards inside the engine: vetoes are honoured and counted by reason; a force-close closes with its reason. */
class RiskGuardEngineTest {
    private static final long MINUTE = 60_000L;
    private static final long START = 1_700_000_000_000L - 1_700_000_000_000L % MINUTE;
    /** Bar i opens at 100 + i and closes at 100.5 + i. */
    private static final ColumnarBarSeries SERIES = series(40);

    private static ColumnarBarSeries series(int n) {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("T/USD"), "test ramp");
        for (int i = 0; i < n; i++) {
            b.add(START + i * MINUTE, 100 + i, 101 + i, 99 + i, 100.5 + i, 10);
        }
        return b.build();
    }

    /** Buys at bars 5, 15, 25 and sells at bars 10, 20, 30 (reasons "buy" / "sell"), holds otherwise. */
    private static StrategyFactory scripted() {
        return TestStrategies.named("scripted", () -> (StrategyContext c, Decision d) -> {
            int i = c.barIndex();
            if (i == 5 || i == 15 || i == 25) {
                d.set(Side.BUY, Double.NaN, Double.NaN).because("buy");
            } else if (i == 10 || i == 20 || i == 30) {
                d.set(Side.SELL, Double.NaN, Double.NaN).because("sell");
            }
        });
    }

    private static RunResult run(FillTiming timing, RiskGuard... guards) {
        PartRegistry registry = PartRegistry.discover();
        registry.register(scripted());
        EngineSettings settings = EngineSettings.defaults().withCosts(0, 0).withFillTiming(timing);
        return new BacktestEngine(registry, settings).run("scripted", Params.of(Map.of()), List.of(SERIES), List.of(guards),
                ProgressListener.NONE);
    }

    private static int bar(long time) {
        return (int) ((time - START) / MINUTE);
    }

    /** The bar whose close an intent was decided at: intents are stamped with the decision time, the bar's close. */
    private static int signalBar(long decisionTime) {
        return bar(decisionTime - MINUTE);
    }

    @Test
    void withoutGuardsTheScriptTradesThreeTimes() {
        RunResult r = run(FillTiming.NEXT_OPEN);
        assertEquals(3, r.trades().size());
        // next-open: the buy at 5 fills at the open of 6, the sell at 10 at the open of 11
        ClosedTrade t = r.trades().get(0);
        assertEquals(6, bar(t.entryTime()));
        assertEquals(106, t.entryPrice(), 0);
        assertEquals(11, bar(t.exitTime()));
        assertEquals("sell", t.exitReason());
        assertTrue(r.vetoes().isEmpty());
    }

    @Test
    void aGuardThatVetoesEveryEntryStopsAllTradingAndEachVetoIsCounted() {
        RiskGuard guard = mock(RiskGuard.class);
        doAnswer(inv -> {
            OrderIntent intent = inv.getArgument(0);
            if (intent.isEntry()) {
                inv.<Verdict>getArgument(2).veto("no-entries");
            }
            return null;
        }).when(guard).review(any(), any(), any());

        RunResult r = run(FillTiming.NEXT_OPEN, guard);

        assertTrue(r.trades().isEmpty(), r.trades()::toString);
        assertEquals(Map.of("no-entries", 3), r.vetoes());
        ArgumentCaptor<OrderIntent> intents = ArgumentCaptor.forClass(OrderIntent.class);
        verify(guard, times(3)).review(intents.capture(), any(PortfolioView.class), any(Verdict.class));
        // the guard saw each entry at the close of its signal bar, at that close as reference price
        List<Integer> bars = new ArrayList<>();
        for (OrderIntent i : intents.getAllValues()) {
            assertEquals(OrderPurpose.ENTRY, i.purpose());
            assertEquals(100.5 + signalBar(i.time()), i.referencePrice(), 0);
            bars.add(signalBar(i.time()));
        }
        assertEquals(List.of(5, 15, 25), bars);
        // it was asked at every bar, before the strategy
        verify(guard, times(SERIES.size())).onBar(any(), any());
        verify(guard, never()).onFill(any(), any());
    }

    @Test
    void vetoesAreCountedPerReasonAndTheFirstVetoWins() {
        // guard A vetoes the entry at bar 15; guard B vetoes every entry at bar >= 15 ... so B only ever sees bar 25
        RiskGuard a = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (intent.isEntry() && signalBar(intent.time()) == 15) {
                    verdict.veto("a-says-no");
                }
            }
        };
        List<Integer> seenByB = new ArrayList<>();
        RiskGuard b = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                seenByB.add(signalBar(intent.time()));
                if (intent.isEntry() && signalBar(intent.time()) >= 15) {
                    verdict.veto("b-says-no");
                }
            }
        };
        RunResult r = run(FillTiming.NEXT_OPEN, a, b);
        assertEquals(Map.of("a-says-no", 1, "b-says-no", 1), r.vetoes());
        // only the first round trip happened, and its exit (not an entry) was let through by both
        assertEquals(1, r.trades().size());
        assertEquals("sell", r.trades().get(0).exitReason());
        assertEquals(List.of(5, 10, 25), seenByB);
    }

    @Test
    void aResizeChangesTheQuantity() {
        RiskGuard small = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (intent.isEntry()) {
                    verdict.resize(2.5, "max-size");
                }
            }
        };
        RunResult r = run(FillTiming.NEXT_OPEN, small);
        assertEquals(3, r.trades().size());
        for (ClosedTrade t : r.trades()) {
            // the exit closes the whole (resized) position
            assertEquals(2.5, t.quantity(), 0);
        }
        assertTrue(r.vetoes().isEmpty());
    }

    /** Force-closes any open position at bar 8 with reason "timeout"; the strategy would only sell at 10. */
    private static final class TimeoutAt8 implements RiskGuard {
        int fills;

        @Override
        public void onBar(StrategyContext context, ForceClose forceClose) {
            if (context.barIndex() == 8 && context.position().isOpen()) {
                forceClose.close("timeout");
            }
        }

        @Override
        public void onFill(org.trellis.api.execution.Fill fill, PortfolioView portfolio) {
            fills++;
        }
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void aForceCloseClosesWithItsReason(FillTiming timing) {
        TimeoutAt8 guard = new TimeoutAt8();
        RunResult r = run(timing, guard);
        assertEquals(3, r.trades().size());
        ClosedTrade t = r.trades().get(0);
        assertEquals("timeout", t.exitReason());
        assertEquals("buy", t.entryReason());
        if (timing == FillTiming.NEXT_OPEN) {
            // forced at the close of 8, filled at the open of 9
            assertEquals(9, bar(t.exitTime()));
            assertEquals(109, t.exitPrice(), 0);
        } else {
            assertEquals(8, bar(t.exitTime()));
            assertEquals(108.5, t.exitPrice(), 0);
        }
        // the strategy's sell at 10 found nothing to close; the later round trips are the strategy's own
        assertEquals("sell", r.trades().get(1).exitReason());
        assertEquals(15, bar(r.trades().get(1).entryTime()) - (timing == FillTiming.NEXT_OPEN ? 1 : 0));
        assertEquals(6, guard.fills);
    }

    @Test
    void aForcedExitIsNotSubjectToVetoes() {
        RiskGuard vetoesExits = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (!intent.isEntry()) {
                    verdict.veto("hold-forever");
                }
            }
        };
        RunResult r = run(FillTiming.NEXT_OPEN, vetoesExits, new TimeoutAt8());
        // the first position is forced out at 9 despite the exit veto; the others cannot exit until the data ends
        ClosedTrade first = r.trades().get(0);
        assertEquals("timeout", first.exitReason());
        assertEquals(9, bar(first.exitTime()));
        // the second entry (bar 15) stays open through the vetoed sells at 20 and 30 and the buy at 25 adds nothing
        assertEquals(2, r.trades().size());
        assertEquals("end-of-data", r.trades().get(1).exitReason());
        assertEquals(Map.of("hold-forever", 2), r.vetoes());
    }

    @Test
    void whenTheExitOfAReversalIsVetoedTheEntryIsNotSentAlone() {
        RiskGuard noExits = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (intent.purpose() == OrderPurpose.EXIT) {
                    verdict.veto("no-exits");
                }
            }
        };
        PartRegistry registry = PartRegistry.discover();
        registry.register(scripted());
        EngineSettings settings = EngineSettings.defaults().withCosts(0, 0).withAllowShort(true);
        RunResult r = new BacktestEngine(registry, settings).run("scripted", Params.of(Map.of()), List.of(SERIES),
                List.of(noExits), ProgressListener.NONE);
        // the long opened after bar 5 is never reversed into a short: it stays long until the data ends
        assertEquals(1, r.trades().size(), r.trades()::toString);
        assertEquals(ClosedTrade.Direction.LONG, r.trades().get(0).direction());
        assertEquals("end-of-data", r.trades().get(0).exitReason());
        assertEquals(Map.of("no-exits", 3), r.vetoes());
    }

    @Test
    void aReversalIsNotBlockedByThePositionItCloses() {
        PartRegistry registry = PartRegistry.discover();
        registry.register(scripted());
        EngineSettings settings = EngineSettings.defaults().withCosts(0, 0).withAllowShort(true);
        RunResult r = new BacktestEngine(registry, settings).run("scripted", Params.of(Map.of()), List.of(SERIES),
                List.of(), ProgressListener.NONE);
        // long 6..11, short 11..16, long 16..21, short 21..26, long 26..31, short 31..end: six round trips
        assertEquals(6, r.trades().size(), r.trades()::toString);
        assertTrue(r.vetoes().isEmpty(), r.vetoes()::toString);
        assertEquals(ClosedTrade.Direction.SHORT, r.trades().get(1).direction());
        assertEquals(11, bar(r.trades().get(1).entryTime()));
    }
}
