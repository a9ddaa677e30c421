package org.trellis.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The backtest engine on sma-cross (fast 10, slow 30) over 1M synthetic 1-minute bars, next to two
 * references measured in the same run: ta4j 0.17's BarSeriesManager with DoubleNum on the same bars
 * and rules, and a hand-written loop over {@code double[]} doing the engine's arithmetic.
 *
 * <p>Run with {@code bench/run} (prints the ratios); add {@code -prof gc} for bytes allocated per op.
 * Each benchmark gets its own fork, so the ta4j series (hundreds of MB of objects) is built only in
 * the fork that measures ta4j. The heap is fixed and pre-touched: otherwise the first iterations pay
 * the kernel for zeroing fresh pages as the heap grows, which showed up as 2-3x slower iterations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-DTRELLIS_LOG=WARN"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {
    static final int FAST = 10;
    static final int SLOW = 30;
    static final long BAR_MILLIS = 60_000L;
    static final long START_MILLIS = 1_577_836_800_000L;
    static final double START_PRICE = 100.0;

    /** The bars, built once per fork, outside any measurement. */
    @State(Scope.Benchmark)
    public static class Bars {
        @Param("1000000")
        public int bars;

        @Param("42")
        public long seed;

        public ColumnarBarSeries series;
        public double[] open;
        public double[] close;
        /** Plugin discovery (ServiceLoader, ~0.5 ms) happens once, as in a CLI run; the run itself is measured. */
        public PartRegistry registry;

        @Setup(Level.Trial)
        public void setUp() {
            series = new SyntheticBars(seed, BAR_MILLIS, START_MILLIS, START_PRICE).generate(bars);
            registry = PartRegistry.discover();
            open = new double[series.size()];
            close = new double[series.size()];
            for (int i = 0; i < series.size(); i++) {
                open[i] = series.open(i);
                close[i] = series.close(i);
            }
        }
    }

    /** The same bars as a ta4j DoubleNum series, built once per fork, outside any measurement. */
    @State(Scope.Benchmark)
    public static class Ta4jBars {
        public BarSeries series;

        @Setup(Level.Trial)
        public void setUp(Bars bars) {
            series = Ta4jSmaCross.toTa4j(bars.series);
        }
    }

    @Benchmark
    public void trellis(Bars bars, Blackhole bh) {
        RunResult r = new BacktestEngine(bars.registry, EngineSettings.defaults()).run("sma-cross",
                Params.of(Map.of("fast", FAST, "slow", SLOW)), List.of(bars.series), List.of(), ProgressListener.NONE);
        bh.consume(r.trades().size());
        bh.consume(r.equity().last());
        bh.consume(r);
    }

    @Benchmark
    public void ta4jDoubleNum(Ta4jBars bars, Blackhole bh) {
        EngineSettings s = EngineSettings.defaults();
        TradingRecord r = Ta4jSmaCross.run(bars.series, FAST, SLOW, s.feeBps());
        bh.consume(r.getPositionCount());
        bh.consume(r);
    }

    @Benchmark
    public void handLoop(Bars bars, Blackhole bh) {
        EngineSettings s = EngineSettings.defaults();
        SmaCrossHandLoop.Result r = SmaCrossHandLoop.run(bars.open, bars.close, FAST, SLOW, s.capital(), s.feeBps(),
                s.slippageBps(), null, null);
        bh.consume(r.trades());
        bh.consume(r.finalEquity());
        bh.consume(r);
    }
}
