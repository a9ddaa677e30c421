package org.trellis.contrastive.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Bar;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;
import org.trellis.api.market.Clock;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.contrastive.data.TripleBarrierLabels;
import org.trellis.contrastive.features.WilderAtrFeatures;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.Sizing;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The strategy, fed bar by bar, scores exactly the windows the batch classifier scores, never reads
 * later bars, and exits each trade where the label of its signal bar ends.
 */
class ContrastiveStrategyTest {
    static final ColumnarBarSeries SERIES = SavedContrastiveModelTest.SERIES;

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void train() {
        model = dir.resolve("m");
        SavedContrastiveModelTest.train(SERIES, model, "PyTorch");
    }

    @Test
    void barByBarProbabilitiesEqualTheBatchClassifiers() {
        Strategy strategy = new ContrastiveStrategyFactory().create(Params.of(Map.of("path", model.toString())));
        double[] batch;
        try (var classifier = new ContrastiveFormat().openClassifier(model, null)) {
            batch = classifier.probabilities(SERIES);
        }
        List<Decided> decided = decide(strategy, SERIES, SERIES.size() - 1);
        int buys = 0;
        int scored = 0;
        for (int bar = 0; bar < SERIES.size(); bar++) {
            double p = batch[bar];
            Decided d = decided.get(bar);
            if (Double.isNaN(p)) {
                assertEquals(Side.HOLD, d.side(), "no decision without a full window, bar " + bar);
                continue;
            }
            scored++;
            // flat throughout (no engine): every scored bar with P > 0.5 buys with probability P
            assertEquals(p > 0.5 ? Side.BUY : Side.HOLD, d.side(), "bar " + bar + ", P " + p);
            if (p > 0.5) {
                // the batch runs 256 windows at a time, the strategy one: the last float bits may differ
                assertEquals(p, d.probability(), 1e-6, "bar " + bar);
                assertEquals(ContrastiveStrategy.UP, d.reason());
                buys++;
            }
        }
        assertTrue(scored > 600 && buys > 0, scored + " bars scored, " + buys + " buys");
    }

    @Test
    void scoresAndDecisionsAtOrBeforeABarNeverReadLaterBars() {
        double[] p;
        try (var classifier = new ContrastiveFormat().openClassifier(model, null)) {
            p = classifier.probabilities(SERIES);
            for (int t : new int[] {500, 777, 1000}) {
                ColumnarBarSeries changed = perturbedAfter(SERIES, t);
                double[] q = classifier.probabilities(changed);
                for (int i = 0; i <= t; i++) {
                    assertEquals(p[i], q[i], 0.0, "bar " + i + " with the bars after " + t + " changed");
                }
                assertTrue(p[t + 3] != q[t + 3], "the perturbation reaches later scores");
                Params params = Params.of(Map.of("path", model.toString()));
                List<Decided> before = decide(new ContrastiveStrategyFactory().create(params), SERIES, t);
                List<Decided> after = decide(new ContrastiveStrategyFactory().create(params), changed, t);
                assertEquals(before, after, "decisions up to bar " + t);
            }
        }
    }

    @Test
    void eachTradeExitsWhereTheLabelOfItsSignalBarEnds() {
        double k = 1.5;
        int horizon = 6;
        ColumnarBarSeries path = handBuilt();
        List<ClosedTrade> trades = backtest(path, k, horizon, 0.0);
        TripleBarrierLabels labels = TripleBarrierLabels.of(path, k, 14, horizon);
        Set<String> reasons = new HashSet<>();
        int checked = 0;
        for (ClosedTrade t : trades) {
            int entry = index(path, t.entryTime());
            int signal = entry - 1; // the BUY decided at a bar's close fills at the next bar's open
            if (!labels.hasLabel(signal) || labels.spanEnd(signal) + 1 >= path.size()) {
                assertEquals(trades.get(trades.size() - 1), t, "only the last trade can outlast the data");
                continue;
            }
            String expected = switch (labels.label(signal)) {
                case 1 -> BarrierExit.UPPER;
                case -1 -> BarrierExit.LOWER;
                default -> BarrierExit.TIME_OUT;
            };
            assertEquals(ContrastiveStrategy.UP, t.entryReason());
            assertEquals(expected, t.exitReason(), "trade entered at bar " + entry);
            assertEquals(labels.spanEnd(signal) + 1, index(path, t.exitTime()), "exit fill after the label's last bar, entry " + entry);
            reasons.add(t.exitReason());
            checked++;
        }
        assertEquals(Set.of(BarrierExit.UPPER, BarrierExit.LOWER, BarrierExit.TIME_OUT), reasons, trades.toString());
        assertTrue(checked >= 6, checked + " trades checked");
    }

    @Test
    void aCloseOnBothBarriersCountsAsLowerAsInTheLabels() {
        // constant closes and k = 0: both barriers sit on the reference close and the next close touches both
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("TIE"), "tie");
        for (int i = 0; i < 40; i++) {
            b.add(1_577_836_800_000L + i * 60_000L, 100, 100.5, 99.5, 100, 1);
        }
        ColumnarBarSeries flat = b.build();
        List<ClosedTrade> trades = backtest(flat, 0.0, 5, 0.0);
        assertEquals(BarrierExit.LOWER, trades.get(0).exitReason(), trades.toString());
        int signal = index(flat, trades.get(0).entryTime()) - 1;
        assertEquals(-1, TripleBarrierLabels.of(flat, 0.0, 14, 5).label(signal));
    }

    @Test
    void entriesBelowTheThresholdAreDroppedAndNothingIsExited() {
        assertEquals(List.of(), backtest(handBuilt(), 1.5, 6, 0.95), "P = 0.9 never passes threshold 0.95");
    }

    /** Rises, falls and quiet stretches after a flat warm-up: every kind of exit happens. */
    static ColumnarBarSeries handBuilt() {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("PATH"), "hand-built");
        List<Double> closes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            closes.add(100.0);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 8; i++) {
                closes.add(closes.get(closes.size() - 1) + 0.8);
            }
            for (int i = 0; i < 8; i++) {
                closes.add(closes.get(closes.size() - 1) - 0.8);
            }
            for (int i = 0; i < 14; i++) {
                closes.add(closes.get(closes.size() - 1) + (i % 2 == 0 ? 0.05 : -0.05));
            }
        }
        double previous = 100;
        for (int i = 0; i < closes.size(); i++) {
            double c = closes.get(i);
            b.add(1_577_836_800_000L + i * 60_000L, previous, Math.max(previous, c) + 0.3, Math.min(previous, c) - 0.3, c, 1);
            previous = c;
        }
        return b.build();
    }

    /** A backtest without costs of the strategy with a model that always says P(+1) = 0.9. */
    static List<ClosedTrade> backtest(ColumnarBarSeries series, double k, int horizon, double threshold) {
        FeatureRequest atr = FeatureRequest.of("wilder-atr", Map.of("period", 14));
        ContrastiveStrategy.WindowScorer always = new ContrastiveStrategy.WindowScorer() {
            @Override
            public List<String> features() {
                return List.of(WilderAtrFeatures.name(14));
            }

            @Override
            public int window() {
                return 1;
            }

            @Override
            public String location() {
                return "a scorer that always says 0.9";
            }

            @Override
            public double probability(float[] window) {
                return 0.9;
            }
        };
        Pipeline pipeline = new Pipeline("barriers", Params.empty(),
                () -> new ContrastiveStrategy(always, atr, atr, WilderAtrFeatures.name(14), new BarrierExit(k, horizon)), List.of(),
                threshold, Sizing.STRATEGY);
        return new BacktestEngine(PartRegistry.discover(), EngineSettings.defaults().withCosts(0, 0))
                .run(pipeline, List.of(series), List.of(), ProgressListener.NONE, RunMode.BACKTEST, RunListener.NONE).trades();
    }

    static int index(BarSeries series, long time) {
        for (int i = 0; i < series.size(); i++) {
            if (series.time(i) == time) {
                return i;
            }
        }
        throw new AssertionError("no bar at " + time);
    }

    static ColumnarBarSeries perturbedAfter(ColumnarBarSeries s, int t) {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(s.instrument(), "perturbed");
        for (int i = 0; i < s.size(); i++) {
            double m = i <= t ? 1 : 1.5;
            b.add(s.time(i), s.open(i) * m, s.high(i) * m * (i <= t ? 1 : 1.01), s.low(i) * m, s.close(i) * m, s.volume(i));
        }
        return b.build();
    }

    record Decided(Side side, double probability, String reason) {
    }

    /** Decisions of a flat strategy at bars 0 .. last, fed the feature sets' own bar-by-bar values as the engine does. */
    static List<Decided> decide(Strategy strategy, ColumnarBarSeries series, int last) {
        List<FeatureSet> sets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        var registry = PartRegistry.discover();
        for (FeatureRequest r : strategy.requiredFeatures()) {
            FeatureSet set = registry.featureSet(r.featureSet(), r.params());
            sets.add(set);
            names.addAll(set.names());
        }
        strategy.bind(new FeatureSchema(names));
        Flat context = new Flat(series, names.size());
        int warmUp = sets.stream().mapToInt(FeatureSet::warmUp).max().orElse(0);
        Decision decision = new Decision();
        List<Decided> out = new ArrayList<>();
        for (int bar = 0; bar <= last; bar++) {
            context.at(bar);
            int offset = 0;
            for (FeatureSet set : sets) {
                set.update(context.bar());
                set.write(context.row, offset);
                offset += set.names().size();
            }
            if (bar + 1 < warmUp) {
                out.add(new Decided(Side.HOLD, Double.NaN, "")); // the engine asks from the end of the warm-up on
                continue;
            }
            strategy.decide(context, decision.reset());
            out.add(new Decided(decision.side(), decision.probability(), decision.reason()));
        }
        return out;
    }

    /** A strategy context with no position, serving one bar and its feature row. */
    private static final class Flat implements StrategyContext, FeatureVector {
        private final BarCursor cursor;
        final double[] row;
        private int at;

        Flat(BarSeries series, int width) {
            this.cursor = new BarCursor(series);
            this.row = new double[width];
        }

        void at(int bar) {
            at = bar;
            cursor.moveTo(bar);
        }

        @Override
        public double get(int index) {
            return row[index];
        }

        @Override
        public int size() {
            return row.length;
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public Instrument instrument() {
            return Instrument.spot("SYN");
        }

        @Override
        public Bar bar() {
            return cursor;
        }

        @Override
        public int barIndex() {
            return at;
        }

        @Override
        public FeatureVector features() {
            return this;
        }

        @Override
        public PositionView position() {
            return null;
        }

        @Override
        public PortfolioView portfolio() {
            return null;
        }

        @Override
        public Clock clock() {
            return null;
        }
    }
}
