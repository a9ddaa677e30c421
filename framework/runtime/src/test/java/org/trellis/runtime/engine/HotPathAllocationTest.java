package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The per-bar hot path allocates nothing. Runs over 50k and 200k synthetic bars with a strategy
 * that reads sma, ema and rsi features every bar and never trades, measured with
 * {@code ThreadMXBean#getThreadAllocatedBytes} on the run's thread:
 * <ul>
 *   <li>inside the bar loop (between the engine's first and last progress reports), less than one
 *       byte per bar, and less than one byte per extra bar between the two runs;</li>
 *   <li>around the whole run, the difference per extra bar is the run's result and nothing else: the
 *       equity curve keeps one point per bar (17 bytes), allocated once before the loop.</li>
 * </ul>
 */
class HotPathAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Reads every feature at every bar and always holds. */
    static final class Reader implements StrategyFactory {
        @Override
        public String apiVersion() {
            return org.trellis.api.plugin.ApiVersion.CURRENT;
        }

        @Override
        public String name() {
            return "feature-reader";
        }

        @Override
        public String description() {
            return "reads its features, never trades";
        }

        @Override
        public Strategy create(Params params) {
            return new Strategy() {
                private double sink;

                @Override
                public List<FeatureRequest> requiredFeatures() {
                    return List.of(FeatureRequest.of("sma", Map.of("period", 10)), FeatureRequest.of("sma", Map.of("period", 30)),
                            FeatureRequest.of("ema", Map.of("period", 20)), FeatureRequest.of("rsi", Map.of("period", 14)));
                }

                @Override
                public void bind(FeatureSchema schema) {
                    assertEquals(4, schema.size());
                }

                @Override
                public void decide(StrategyContext context, Decision decision) {
                    FeatureVector f = context.features();
                    for (int i = 0; i < f.size(); i++) {
                        sink += f.get(i);
                    }
                    sink += context.bar().close() + context.portfolio().equity() + context.position().quantity();
                    decision.hold();
                }
            };
        }
    }

    /** What one run allocated on its thread: in total, and inside the bar loop. */
    private record Allocation(long total, long loopBytes, long loopBars) {
    }

    /**
     * Runs over {@code series} and counts the bytes allocated on this thread: around the whole run,
     * and between the first and the last progress report from inside the bar loop (the engine reports
     * every 8,192 bars from the run's thread), which is the per-bar hot path alone.
     */
    private static Allocation run(ColumnarBarSeries series) {
        PartRegistry registry = PartRegistry.discover();
        registry.register(new Reader());
        BacktestEngine engine = new BacktestEngine(registry, EngineSettings.defaults());
        int total = series.size();
        long[] loop = {-1, -1, -1, -1}; // first bytes, first done, last bytes, last done
        ProgressListener probe = (done, all) -> {
            if (done < all) {
                long bytes = THREADS.getCurrentThreadAllocatedBytes();
                if (loop[0] < 0) {
                    loop[0] = bytes;
                    loop[1] = done;
                }
                loop[2] = bytes;
                loop[3] = done;
            }
        };
        long before = THREADS.getCurrentThreadAllocatedBytes();
        RunResult r = engine.run("feature-reader", Params.of(Map.of()), List.of(series), List.of(), probe);
        long after = THREADS.getCurrentThreadAllocatedBytes();
        assertTrue(r.trades().isEmpty());
        assertEquals(total, r.equity().size());
        assertTrue(loop[3] > loop[1], "the engine reported progress from inside its loop");
        return new Allocation(after - before, loop[2] - loop[0], loop[3] - loop[1]);
    }

    @Test
    void bytesPerExtraBarStayBelowOne() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        ColumnarBarSeries small = new SyntheticBars(1, 60_000, 1_600_000_000_000L, 100).generate(50_000);
        ColumnarBarSeries large = new SyntheticBars(2, 60_000, 1_600_000_000_000L, 100).generate(200_000);
        for (int i = 0; i < 3; i++) { // warm up: class loading, JIT, logging
            run(small);
            run(large);
        }
        Allocation a = null;
        Allocation b = null;
        for (int i = 0; i < 3; i++) { // the least of three, against stray allocations (e.g. a deoptimisation)
            Allocation x = run(small);
            Allocation y = run(large);
            a = a == null || x.total() < a.total() ? x : a;
            b = b == null || y.total() < b.total() ? y : b;
        }
        int extraBars = large.size() - small.size();
        double perExtraBar = (double) (b.total() - a.total()) / extraBars;
        double loopPerBar = (double) (a.loopBytes() + b.loopBytes()) / (a.loopBars() + b.loopBars());
        System.out.printf("allocated per run: %,d bytes for %,d bars, %,d bytes for %,d bars: %.3f bytes per extra bar;"
                + " inside the bar loop %,d + %,d bytes over %,d bars: %.4f bytes per bar%n", a.total(), small.size(),
                b.total(), large.size(), perExtraBar, a.loopBytes(), b.loopBytes(), a.loopBars() + b.loopBars(), loopPerBar);

        // The hot path: nothing per bar (a fixed constant at most, e.g. one progress report's worth).
        assertTrue(loopPerBar < 1, "the bar loop allocates " + loopPerBar + " bytes per bar");
        double loopDifference = (double) (b.loopBytes() - a.loopBytes()) / (b.loopBars() - a.loopBars());
        assertTrue(loopDifference < 1, "the bar loop allocates " + loopDifference + " bytes per extra bar");

        // The whole run: besides a fixed constant, only the equity curve it returns, one point per bar:
        // long time + double equity + boolean invested = 8 + 8 + 1 = 17 bytes per bar, allocated once up front.
        double result = Long.BYTES + Double.BYTES + 1;
        assertTrue(perExtraBar < result + 1, "a run allocates " + perExtraBar + " bytes per extra bar, of which only "
                + result + " are its equity curve (" + a.total() + " bytes for " + small.size() + " bars, " + b.total()
                + " for " + large.size() + ")");
    }
}
