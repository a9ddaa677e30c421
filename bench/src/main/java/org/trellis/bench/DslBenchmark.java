package org.trellis.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.plugin.Params;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;
import org.trellis.runtime.dsl.ScriptHost;
import org.trellis.runtime.dsl.ScriptPlan;
import org.trellis.runtime.dsl.StrategySpec;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.engine.Sizing;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The same strategies composed in a Groovy script and in Java, over the same 1M synthetic
 * one-minute bars, in the same run: the script builds the pipeline once and steps aside, so its
 * runs should go as fast as Java's (target: at least 95% of the Java throughput).
 * <ul>
 *   <li>{@code smaCross*}: the built-in sma-cross (10/30), named in the script vs the Java API;</li>
 *   <li>{@code trendRule*}: "long while SMA10 > SMA30", a rule written in the script (compiled to a
 *       Java lambda) vs the same rule as a Java Strategy.</li>
 * </ul>
 * {@code bench/run} prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-DTRELLIS_LOG=WARN"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DslBenchmark {
    static final String SCRIPT = """
            strategy('sma-cross') {
                model 'sma-cross', fast: 10, slow: 30
            }
            strategy('trend-rule') {
                features 'sma', period: 10
                features 'sma', period: 30
                rule { f -> f.sma10 > f.sma30 ? BUY : SELL }
            }
            """;

    /** The trend rule written in Java, for the reference. */
    static final class TrendRule implements Strategy {
        private int fast;
        private int slow;

        @Override
        public void bind(FeatureSchema schema) {
            fast = schema.indexOf("sma10");
            slow = schema.indexOf("sma30");
        }

        @Override
        public void decide(StrategyContext context, Decision decision) {
            decision.set(context.features().get(fast) > context.features().get(slow) ? Side.BUY : Side.SELL, Double.NaN,
                    Double.NaN).because("rule");
        }
    }

    @State(Scope.Benchmark)
    public static class Setups {
        @Param("1000000")
        public int bars;

        public List<ColumnarBarSeries> data;
        public PartRegistry registry;
        public Pipeline smaCrossJava;
        public Pipeline smaCrossScript;
        public Pipeline trendRuleJava;
        public Pipeline trendRuleScript;

        @Setup(Level.Trial)
        public void setUp() {
            data = List.of(new SyntheticBars(42, 60_000L, 1_577_836_800_000L, 100.0).generate(bars));
            registry = PartRegistry.discover();
            smaCrossJava = Pipeline.of(registry, "sma-cross", Params.of(Map.of("fast", 10, "slow", 30)));
            trendRuleJava = new Pipeline("trend-rule", Params.empty(), TrendRule::new,
                    List.of(FeatureRequest.of("sma", Map.of("period", 10)), FeatureRequest.of("sma", Map.of("period", 30))),
                    0, Sizing.STRATEGY);
            List<ScriptPlan> plans = compile(registry);
            smaCrossScript = plans.get(0).pipeline();
            trendRuleScript = plans.get(1).pipeline();
        }
    }

    static List<ScriptPlan> compile(PartRegistry registry) {
        try {
            Path file = Files.createTempFile("bench", ".groovy");
            try {
                Files.writeString(file, SCRIPT);
                return new ScriptHost(registry, false).evaluate(file).stream()
                        .map((StrategySpec s) -> ScriptPlan.of(s, registry, EngineSettings.defaults(), "btc-usd-1h"))
                        .toList();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunResult run(Setups s, Pipeline pipeline) {
        return new BacktestEngine(s.registry, EngineSettings.defaults()).run(pipeline, s.data, List.of(), ProgressListener.NONE,
                RunMode.BACKTEST, RunListener.NONE);
    }

    private static void consume(RunResult r, Blackhole bh) {
        bh.consume(r.trades().size());
        bh.consume(r.equity().last());
        bh.consume(r);
    }

    @Benchmark
    public void smaCrossJava(Setups s, Blackhole bh) {
        consume(run(s, s.smaCrossJava), bh);
    }

    @Benchmark
    public void smaCrossScript(Setups s, Blackhole bh) {
        consume(run(s, s.smaCrossScript), bh);
    }

    @Benchmark
    public void trendRuleJava(Setups s, Blackhole bh) {
        consume(run(s, s.trendRuleJava), bh);
    }

    @Benchmark
    public void trendRuleScript(Setups s, Blackhole bh) {
        consume(run(s, s.trendRuleScript), bh);
    }
}
