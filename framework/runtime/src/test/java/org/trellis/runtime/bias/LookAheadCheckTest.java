package org.trellis.runtime.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;
import org.trellis.api.market.BarSeries;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.Params;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.Sizing;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.Cli.Outcome;

/** Deliberately biased parts are caught and named; the built-in ones pass. */
class LookAheadCheckTest {

    /** A feature set whose batch values are computed by {@code batch} from the whole series (the classic mistakes). */
    static FeatureSetFactory biased(String name, Function<BarSeries, double[]> batch) {
        return new FeatureSetFactory() {
            public String name() { return name; }
            public String description() { return "deliberately biased"; }
            public String apiVersion() { return ApiVersion.CURRENT; }

            public FeatureSet create(Params p) {
                return new FeatureSet() {
                    public List<String> names() { return List.of(name); }
                    public int warmUp() { return 1; }
                    private double close = Double.NaN;
                    public void update(Bar bar) { close = bar.close(); } // bar by bar it can only see the bar
                    public void write(double[] out, int offset) { out[offset] = close; }
                    public void reset() { close = Double.NaN; }

                    @Override
                    public double[][] batch(BarSeries series) {
                        double[] v = batch.apply(series);
                        double[][] rows = new double[v.length][];
                        for (int i = 0; i < v.length; i++) {
                            rows[i] = new double[] {v[i]};
                        }
                        return rows;
                    }
                };
            }
        };
    }

    static double[] closes(BarSeries s) {
        double[] c = new double[s.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = s.close(i);
        }
        return c;
    }

    static final FeatureSetFactory PEEK = biased("peek", s -> {
        double[] c = closes(s);
        double[] v = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            v[i] = c[Math.min(c.length - 1, i + 1)]; // tomorrow's close
        }
        return v;
    });

    static final FeatureSetFactory CENTRED = biased("centred", s -> {
        double[] c = closes(s);
        double[] v = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - 2); j <= Math.min(c.length - 1, i + 2); j++) {
                sum += c[j];
                n++;
            }
            v[i] = sum / n; // a moving average centred on the bar: half its window is the future
        }
        return v;
    });

    static final FeatureSetFactory SCALER = biased("scaled", s -> {
        double[] c = closes(s);
        double mean = java.util.Arrays.stream(c).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(c).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        return java.util.Arrays.stream(c).map(x -> (x - mean) / sd).toArray(); // fitted on all the data
    });

    /**
     * A "regime probability" smoothed the way an HMM's forward-backward pass smooths: a forward
     * exponential filter, then a backward one over it. The backward pass is the look-ahead.
     */
    static final FeatureSetFactory SMOOTHED = biased("smoothed", s -> {
        double[] c = closes(s);
        double[] f = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double up = i == 0 ? 0.5 : c[i] > c[i - 1] ? 1 : 0;
            f[i] = i == 0 ? up : 0.8 * f[i - 1] + 0.2 * up;
        }
        for (int i = c.length - 2; i >= 0; i--) {
            f[i] = 0.8 * f[i] + 0.2 * f[i + 1];
        }
        return f;
    });

    /** Buys when the named feature is above its previous value: its signals inherit the feature's bias. */
    static Pipeline trader(String feature, List<FeatureRequest> features) {
        return new Pipeline("t", Params.empty(), () -> new Strategy() {
            private int col;
            private double previous = Double.NaN;

            public void bind(FeatureSchema schema) {
                col = schema.indexOf(feature);
            }

            public void decide(StrategyContext c, Decision d) {
                double v = c.features().get(col);
                if (v > previous) {
                    d.set(Side.BUY, Double.NaN, Double.NaN);
                } else if (v < previous) {
                    d.set(Side.SELL, Double.NaN, Double.NaN);
                }
                previous = v;
            }
        }, features, 0, Sizing.STRATEGY);
    }

    final PartRegistry registry = registry();

    static PartRegistry registry() {
        PartRegistry r = PartRegistry.discover();
        r.register(PEEK);
        r.register(CENTRED);
        r.register(SCALER);
        r.register(SMOOTHED);
        return r;
    }

    Map<String, LookAheadCheck.Finding> check(Pipeline p) {
        ColumnarBarSeries bars = BundledData.bars("btc-usd-1h");
        Map<String, LookAheadCheck.Finding> out = new java.util.LinkedHashMap<>();
        for (LookAheadCheck.Finding f : new LookAheadCheck(registry, EngineSettings.defaults()).check(p, bars, 8)) {
            out.put(f.what(), f);
        }
        return out;
    }

    @Test
    void eachBiasedFeatureIsCaughtAndNamedInBatchAndAgainstBarByBar() {
        for (String name : List.of("peek", "centred", "scaled", "smoothed")) {
            Map<String, LookAheadCheck.Finding> f = check(trader(name, List.of(FeatureRequest.of(name, Map.of()),
                    FeatureRequest.of("sma", Map.of("period", 5)))));
            LookAheadCheck.Finding biased = f.get("feature " + name + " (" + name + ")");
            assertFalse(biased.clean(), name + " was not caught: " + f);
            assertTrue(biased.changedCuts() > 0 && biased.firstBar() >= 0 && biased.maxDiff() > 0, biased.toString());
            assertTrue(f.get("feature sma5 (sma)").clean(), "the honest feature beside it passes");
            LookAheadCheck.Finding skew = f.get("feature " + name + " (" + name + "): training (batch) vs trading (bar by bar)");
            assertFalse(skew.clean(), "a model trained on " + name + "'s batch values would learn from numbers trading never sees");
            // the engine computes features bar by bar: signals cannot read the future through the SPI
            assertTrue(f.get("signal").clean(), f.get("signal").toString());
        }
    }

    @Test
    void theBuiltInFeatureSetsAndStrategyPass() {
        Map<String, LookAheadCheck.Finding> f = check(trader("rsi14", List.of(FeatureRequest.of("rsi", Map.of("period", 14)),
                FeatureRequest.of("ema", Map.of("period", 12)), FeatureRequest.of("sma", Map.of("period", 20)))));
        assertTrue(f.values().stream().allMatch(LookAheadCheck.Finding::clean), f.toString());
        Map<String, LookAheadCheck.Finding> cross = check(Pipeline.of(registry, "sma-cross", Params.of(Map.of("fast", 5, "slow", 20))));
        assertTrue(cross.values().stream().allMatch(LookAheadCheck.Finding::clean), cross.toString());
        assertEquals(5, cross.size(), "sma5, sma20 (cut and batch-vs-bar-by-bar each) and the signal");
    }

    @Test
    void filtersAreCheckedThroughTheirState() {
        org.trellis.api.risk.RiskGuard counter = new org.trellis.api.risk.RiskGuard() {
            private int upBars;
            private double last = Double.NaN;

            @Override
            public String name() {
                return "up-bars";
            }

            @Override
            public void onBar(StrategyContext context, org.trellis.api.risk.ForceClose forceClose) {
                upBars += context.bar().close() > last ? 1 : 0;
                last = context.bar().close();
            }

            @Override
            public Map<String, Object> state() {
                return Map.of("upBars", upBars);
            }

            @Override
            public void reset() {
                upBars = 0;
                last = Double.NaN;
            }
        };
        List<LookAheadCheck.Finding> f = new LookAheadCheck(registry, EngineSettings.defaults()).check(
                Pipeline.of(registry, "sma-cross", Params.empty()), List.of(counter), BundledData.bars("btc-usd-1h"), 6);
        LookAheadCheck.Finding filter = f.stream().filter(x -> x.what().equals("filter up-bars (its state)")).findFirst().orElseThrow();
        assertTrue(filter.clean(), filter.toString());
    }

    @Test
    void theCommandChecksEveryStrategyOfAScript(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path script = java.nio.file.Files.writeString(dir.resolve("two.groovy"), """
                strategy('cross') { data 'btc-usd-1h'; model 'sma-cross', fast: 5, slow: 20 }
                strategy('rsi') {
                    data 'btc-usd-1h'
                    features 'rsi', period: 14
                    rule { f -> f.rsi14 < 40 ? BUY : f.rsi14 > 60 ? SELL : HOLD }
                }
                """);
        Outcome o = trellis("check", "lookahead", script.toString(), "--cuts", "5");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("strategy 'cross' on BTC/USD") && o.out().contains("strategy 'rsi' on BTC/USD"), o.out());
        assertTrue(o.out().contains("ok        feature rsi14 (rsi)") && o.out().contains("clean: 0 of 8 checks"), o.out());
    }
}
