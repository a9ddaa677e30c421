package org.trellis.bench;

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
import org.trellis.api.market.BarCursor;
import org.trellis.deeplearning.features.CandleFeatures;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;

/**
 * The deep-learning plugin's candle features (75 per bar) over 1M synthetic 1-minute bars, single
 * thread, next to ta4j 0.17 (DoubleNum) computing the indicators of that set it has, in the same run:
 *
 * <ul>
 *   <li>{@code candles}: one {@link CandleFeatures} updated bar by bar and written into one reused
 *       {@code double[75]} row, as the engine does when a model strategy runs (all 75 features).</li>
 *   <li>{@code candlesMatrix}: {@link FeatureMatrices#compute}, the training path: the same updates in
 *       blocks of 4096 bars, stored into the 1M x 75 float matrix (300 MB, allocated per operation).</li>
 *   <li>{@code ta4j}: fresh ta4j indicators per operation (ta4j caches values, so indicators kept across
 *       iterations would measure a cache) over a {@code BaseBarSeries} built once per fork; every
 *       indicator's value is read at every bar, in bar order. {@link Ta4jCandleIndicators} lists them:
 *       the 48 candle features {@code CandleFeaturesVsTa4jTest} checks against ta4j (a subset: ta4j has
 *       no returns, skew/kurtosis, calendar or regime features).</li>
 * </ul>
 *
 * <p>Each benchmark gets its own fork (the ta4j caches reach a few GB); heap fixed and pre-touched.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "-DTRELLIS_LOG=WARN"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureBenchmark {

    /** The bars, built once per fork, outside any measurement. */
    @State(Scope.Benchmark)
    public static class Bars {
        @Param("1000000")
        public int bars;

        @Param("42")
        public long seed;

        public ColumnarBarSeries series;

        @Setup(Level.Trial)
        public void setUp() {
            series = new SyntheticBars(seed, EngineBenchmark.BAR_MILLIS, EngineBenchmark.START_MILLIS,
                    EngineBenchmark.START_PRICE).generate(bars);
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

    /** Bar by bar into one reused row: what a running model strategy does. Returns a checksum. */
    @Benchmark
    public double candles(Bars bars) {
        ColumnarBarSeries s = bars.series;
        CandleFeatures set = new CandleFeatures();
        double[] row = new double[CandleFeatures.COUNT];
        BarCursor cursor = new BarCursor(s);
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            set.update(cursor.moveTo(i));
            set.write(row, 0);
            sum += row[i % CandleFeatures.COUNT]; // one feature a bar, so the writes cannot be dropped
        }
        return sum;
    }

    /** The training path: the whole float matrix. */
    @Benchmark
    public void candlesMatrix(Bars bars, Blackhole bh) {
        FeatureMatrix m = FeatureMatrices.compute(new CandleFeatures(), bars.series);
        bh.consume(m);
    }

    /** Several seconds per operation: fewer iterations (each iteration is still at least one operation). */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 4, time = 1)
    public double ta4j(Ta4jBars bars) {
        return Ta4jCandleIndicators.readAll(bars.series);
    }
}
