package org.trellis.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarSeries;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * Checks that a computation never reads data after the bar it is computing (no look-ahead): the
 * bars after a cut {@code t} are replaced with wildly different ones, and every value at a bar
 * {@code <= t} must stay bit-identical (NaN equals NaN). Several cuts (around the warm-up, in the
 * middle, near the end) and several perturbations (prices x1000, prices / 1000, seeded random
 * walk with big jumps, a flat line, the future played backwards) are tried.
 *
 * <p>Use {@link #assertFeatureSetCausal} for a {@link FeatureSet}, {@link #assertStrategyCausal} for
 * a strategy's decisions as the engine asks for them, and {@link #assertNoLookAhead} for anything
 * else that maps a series to one row of numbers per bar (labels, regime probabilities, model
 * outputs). The probe also insists that the perturbation changes at least one value after the
 * cut, so that a computation that ignores its input cannot pass vacuously.
 */
public final class LookAheadProbe {

    /** Something computed for every bar of a series: one row per bar (rows may be of any width). */
    @FunctionalInterface
    public interface PerBar {
        double[][] rows(ColumnarBarSeries series);
    }

    /** How the bars after the cut are replaced. */
    public enum Perturbation {
        TIMES_1000, DIVIDED_BY_1000, RANDOM_JUMPS, FLAT, REVERSED
    }

    private LookAheadProbe() {
    }

    /** Cuts worth probing for a computation with the given warm-up: around it, in the middle, near the end. */
    public static int[] cuts(int size, int warmUp) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int c : new int[] {0, 1, warmUp - 2, warmUp - 1, warmUp, warmUp + 1, size / 3, size / 2, size - 3, size - 2}) {
            if (c >= 0 && c <= size - 2) {
                cuts.add(c);
            }
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Asserts that {@code computation} at bars {@code <= t} ignores every bar after {@code t}, for each cut. */
    public static void assertNoLookAhead(String what, ColumnarBarSeries series, PerBar computation, int... cuts) {
        double[][] base = computation.rows(series);
        assertEquals(series.size(), base.length, what + ": one row per bar");
        boolean futureMatters = false;
        for (int t : cuts) {
            for (Perturbation p : Perturbation.values()) {
                ColumnarBarSeries changed = perturbAfter(series, t, p);
                double[][] rows = computation.rows(changed);
                assertEquals(series.size(), rows.length, what + ": one row per bar");
                for (int i = 0; i <= t; i++) {
                    if (!sameBits(base[i], rows[i])) {
                        fail(what + " looks ahead: at bar " + i + " its values changed when the bars after " + t
                                + " were replaced (" + p + "): " + Arrays.toString(base[i]) + " became "
                                + Arrays.toString(rows[i]));
                    }
                }
                for (int i = t + 1; i < rows.length && !futureMatters; i++) {
                    futureMatters = !sameBits(base[i], rows[i]);
                }
            }
        }
        assertTrue(futureMatters, what + ": no perturbation changed any value after its cut, so the probe proved nothing");
    }

    /**
     * A feature set: its batch values ({@link FeatureSet#batch}) at bars {@code <= t} must not depend on
     * later bars, and batch must equal the incremental values bit for bit.
     */
    public static void assertFeatureSetCausal(Supplier<? extends FeatureSet> make, ColumnarBarSeries series) {
        FeatureSet probe = make.get();
        String what = "feature set " + probe.names();
        assertBatchEqualsIncremental(make, series);
        assertNoLookAhead(what, series, s -> make.get().batch(s), cuts(series.size(), probe.warmUp()));
    }

    /** The incremental values: update then write, bar by bar, on a fresh instance. */
    public static double[][] incremental(FeatureSet set, BarSeries series) {
        return org.trellis.runtime.bias.BarByBar.rows(set, series, 0, series.size());
    }

    /**
     * {@link FeatureSet#batch} equals the incremental values from the warm-up on, is {@code NaN} before,
     * and gives the same again after {@link FeatureSet#reset} (batch resets the instance itself).
     */
    public static void assertBatchEqualsIncremental(Supplier<? extends FeatureSet> make, BarSeries series) {
        FeatureSet a = make.get();
        double[][] batch = a.batch(series);
        double[][] again = a.batch(series); // same instance, second time: batch must reset
        double[][] inc = incremental(make.get(), series);
        int warmUp = a.warmUp();
        assertEquals(series.size(), batch.length);
        for (int i = 0; i < series.size(); i++) {
            assertEquals(a.names().size(), batch[i].length, "row width at bar " + i);
            if (i + 1 < warmUp) {
                for (double v : batch[i]) {
                    assertTrue(Double.isNaN(v), a.names() + ": batch row " + i + " is before the warm-up and must be NaN");
                }
            } else if (!sameBits(batch[i], inc[i])) {
                fail(a.names() + ": batch and incremental differ at bar " + i + ": " + Arrays.toString(batch[i]) + " vs "
                        + Arrays.toString(inc[i]));
            }
            if (!sameBits(batch[i], again[i])) {
                fail(a.names() + ": a second batch() on the same instance differs at bar " + i);
            }
        }
    }

    /**
     * A strategy's decisions, as the engine asks for them: per bar {side ordinal, probability, size,
     * reason hash}, or a row of NaN where the engine did not ask. They must not depend on later bars.
     */
    public static void assertStrategyCausal(StrategyFactory factory, Params params, EngineSettings settings,
                                            ColumnarBarSeries series, int warmUp) {
        assertNoLookAhead("strategy '" + factory.name() + "' " + params, series,
                s -> decisions(factory, params, settings, s), cuts(series.size(), warmUp));
    }

    /** Runs the engine with {@code factory}'s strategy and records every decision it makes. */
    public static double[][] decisions(StrategyFactory factory, Params params, EngineSettings settings,
                                       ColumnarBarSeries series) {
        double[][] rows = new double[series.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        PartRegistry registry = PartRegistry.discover();
        Recorder recorder = new Recorder(factory, rows);
        registry.register(recorder);
        RunResult run = new BacktestEngine(registry, settings).run(recorder.name(), params, List.of(series), List.of(),
                ProgressListener.NONE);
        assertTrue(run.equity().size() > 0);
        return rows;
    }

    /** The series with every bar after {@code t} replaced; times and bar count stay the same. */
    public static ColumnarBarSeries perturbAfter(BarSeries s, int t, Perturbation p) {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(s.instrument(), "perturbed after " + t + " (" + p + ")");
        SplittableRandom rnd = new SplittableRandom(7919L * (t + 1) + p.ordinal());
        double walk = s.close(t);
        for (int i = 0; i < s.size(); i++) {
            if (i <= t) {
                b.add(s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
                continue;
            }
            double o;
            double c;
            double v;
            switch (p) {
                case TIMES_1000 -> {
                    o = s.open(i) * 1000;
                    c = s.close(i) * 1000;
                    v = s.volume(i) * 1000 + 1;
                }
                case DIVIDED_BY_1000 -> {
                    o = s.open(i) / 1000;
                    c = s.close(i) / 1000;
                    v = s.volume(i) / 1000;
                }
                case RANDOM_JUMPS -> {
                    o = walk;
                    walk *= Math.exp(0.5 * (rnd.nextDouble() - 0.5) + (rnd.nextDouble() < 0.05 ? 3 * (rnd.nextDouble() - 0.5) : 0));
                    c = walk;
                    v = rnd.nextDouble() * 1e6;
                }
                case FLAT -> {
                    o = s.close(t);
                    c = s.close(t);
                    v = 0;
                }
                case REVERSED -> {
                    int mirror = s.size() - 1 - (i - t - 1);
                    o = s.close(mirror);
                    c = s.open(mirror);
                    v = s.volume(mirror);
                }
                default -> throw new IllegalStateException(p.name());
            }
            b.add(s.time(i), o, Math.max(o, c) * 1.001, Math.min(o, c) * 0.999, c, v);
        }
        return b.build();
    }

    private static boolean sameBits(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Wraps a strategy factory so that every decision is written to {@code rows[barIndex]}. */
    private static final class Recorder implements StrategyFactory {
        @Override
        public String apiVersion() {
            return org.trellis.api.plugin.ApiVersion.CURRENT;
        }

        private final StrategyFactory inner;
        private final double[][] rows;

        Recorder(StrategyFactory inner, double[][] rows) {
            this.inner = inner;
            this.rows = rows;
        }

        @Override
        public String name() {
            return "recorded-" + inner.name();
        }

        @Override
        public String description() {
            return inner.description() + " (decisions recorded by LookAheadProbe)";
        }

        @Override
        public List<ParamSpec> params() {
            return inner.params();
        }

        @Override
        public Strategy create(Params params) {
            Strategy s = inner.create(params);
            return new Strategy() {
                @Override
                public List<org.trellis.api.feature.FeatureRequest> requiredFeatures() {
                    return s.requiredFeatures();
                }

                @Override
                public void bind(FeatureSchema schema) {
                    s.bind(schema);
                }

                @Override
                public void decide(StrategyContext context, Decision decision) {
                    s.decide(context, decision);
                    double[] row = rows[context.barIndex()];
                    row[0] = decision.side().ordinal();
                    row[1] = decision.probability();
                    row[2] = decision.size();
                    row[3] = decision.reason().hashCode();
                }

                @Override
                public void reset() {
                    s.reset();
                }
            };
        }
    }
}
