package org.trellis.runtime.bias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * Look-ahead analysis, through the SPIs only: each feature of each feature set a strategy uses, and
 * the strategy's signals, are computed on the whole series and again on the series cut at sample
 * bars; any value at or before a cut that differs between the two read data after the cut. A
 * finding names the feature (or the signal), how many cuts it failed, the first bar where it
 * differed and by how much.
 */
public final class LookAheadCheck {
    /** What one feature (or the signal) did across the cuts; {@code changedCuts} 0 = causal. */
    public record Finding(String what, int cuts, int changedCuts, int firstBar, double full, double cut, double maxDiff) {
        public boolean clean() {
            return changedCuts == 0;
        }
    }

    private final PartRegistry registry;
    private final EngineSettings settings;

    public LookAheadCheck(PartRegistry registry, EngineSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /** Checks {@code pipeline}'s features and signals on {@code series} at {@code samples} cuts after its warm-up. */
    public List<Finding> check(Pipeline pipeline, ColumnarBarSeries series, int samples) {
        return check(pipeline, List.of(), series, samples);
    }

    /** The same, with the strategy's filters (guards): their state at each bar must not depend on later bars either. */
    public List<Finding> check(Pipeline pipeline, List<org.trellis.api.risk.RiskGuard> guards, ColumnarBarSeries series,
                               int samples) {
        if (series.size() < 3) {
            throw new IllegalArgumentException(series.source() + " has " + series.size() + " bar(s): a look-ahead check needs at least 3");
        }
        Strategy probe = pipeline.strategies().get();
        List<FeatureRequest> requests = new ArrayList<>(probe.requiredFeatures());
        requests.addAll(pipeline.features());
        int warmUp = 0;
        Map<FeatureRequest, FeatureSet> sets = new LinkedHashMap<>();
        for (FeatureRequest r : requests) {
            FeatureSet fs = registry.featureSet(r.featureSet(), r.params());
            sets.putIfAbsent(r, fs);
            warmUp = Math.max(warmUp, fs.warmUp());
        }
        int[] cuts = cuts(series.size(), warmUp, samples);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<FeatureRequest, FeatureSet> e : sets.entrySet()) {
            FeatureRequest r = e.getKey();
            List<String> names = e.getValue().names();
            double[][] full = registry.featureSet(r.featureSet(), r.params()).batch(series);
            Finding[] perColumn = new Finding[names.size()];
            for (int c : cuts) {
                double[][] part = registry.featureSet(r.featureSet(), r.params()).batch(upTo(series, c));
                for (int col = 0; col < names.size(); col++) {
                    perColumn[col] = compare("feature " + names.get(col) + " (" + r.featureSet() + ")", perColumn[col], full, part,
                            col, c, cuts.length);
                }
            }
            for (Finding f : perColumn) {
                findings.add(f);
            }
            findings.addAll(batchMatchesBarByBar(r, names, full, series));
        }
        double[][] signals = signals(pipeline, guards, series);
        Finding[] perColumn = new Finding[1 + guards.size()];
        for (int c : cuts) {
            double[][] part = signals(pipeline, guards, upTo(series, c));
            for (int col = 0; col < perColumn.length; col++) {
                perColumn[col] = compare(col == 0 ? "signal" : "filter " + guards.get(col - 1).name() + " (its state)",
                        perColumn[col], signals, part, col, c, cuts.length);
            }
        }
        findings.addAll(List.of(perColumn));
        return findings;
    }

    /**
     * Training uses a feature set's batch values, trading its bar-by-bar ones: from the warm-up on they
     * must be the same numbers, or a model learns from values it will never see (a scaler fitted on
     * all the data, a centred window: the batch path can read the whole series, the engine's cannot).
     */
    private List<Finding> batchMatchesBarByBar(FeatureRequest r, List<String> names, double[][] batch, ColumnarBarSeries series) {
        FeatureSet fs = registry.featureSet(r.featureSet(), r.params());
        int width = names.size();
        double[][] live = BarByBar.rows(fs, series, 0, series.size());
        List<Finding> out = new ArrayList<>();
        int from = Math.max(0, fs.warmUp() - 1);
        for (int col = 0; col < width; col++) {
            int differing = 0;
            int first = -1;
            double max = 0;
            for (int i = from; i < series.size(); i++) {
                double x = batch[i][col];
                double y = live[i][col];
                if (Double.doubleToLongBits(x) != Double.doubleToLongBits(y)) {
                    differing++;
                    max = Math.max(max, Double.isNaN(x) || Double.isNaN(y) ? Double.POSITIVE_INFINITY : Math.abs(x - y));
                    first = first < 0 ? i : first;
                }
            }
            out.add(new Finding("feature " + names.get(col) + " (" + r.featureSet() + "): training (batch) vs trading (bar by bar)",
                    series.size() - from, differing, first, first < 0 ? Double.NaN : batch[first][col],
                    first < 0 ? Double.NaN : live[first][col], max));
        }
        return out;
    }

    /** Bars {@code 0..cut} of {@code s}: the data as it stood at that bar's close. */
    private static ColumnarBarSeries upTo(ColumnarBarSeries s, int cut) {
        return s.between(s.time(0), s.time(cut) + 1);
    }

    /** Evenly spread sample bars after the warm-up (never the last bar: cutting there changes nothing). */
    static int[] cuts(int size, int warmUp, int samples) {
        int first = Math.min(size - 2, Math.max(1, warmUp));
        int last = size - 2;
        int n = Math.max(1, Math.min(samples, last - first + 1));
        int[] cuts = new int[n];
        for (int k = 0; k < n; k++) {
            cuts[k] = n == 1 ? first : first + (int) ((long) (last - first) * k / (n - 1));
        }
        return cuts;
    }

    private static Finding compare(String what, Finding sofar, double[][] full, double[][] part, int col, int cut, int cuts) {
        Finding f = sofar == null ? new Finding(what, cuts, 0, -1, Double.NaN, Double.NaN, 0) : sofar;
        boolean changed = false;
        int firstBar = f.firstBar();
        double a = f.full();
        double b = f.cut();
        double max = f.maxDiff();
        for (int i = 0; i <= cut && i < part.length; i++) {
            double x = full[i][col];
            double y = part[i][col];
            if (Double.doubleToLongBits(x) != Double.doubleToLongBits(y)) {
                changed = true;
                double d = Double.isNaN(x) || Double.isNaN(y) ? Double.POSITIVE_INFINITY : Math.abs(x - y);
                max = Math.max(max, d);
                if (firstBar < 0 || i < firstBar) {
                    firstBar = i;
                    a = x;
                    b = y;
                }
            }
        }
        return new Finding(what, cuts, f.changedCuts() + (changed ? 1 : 0), firstBar, a, b, max);
    }

    /**
     * Per bar: the decision's side (1 buy, -1 sell, 0 hold or none) as the engine asks for it, then a
     * fingerprint of each guard's state at that bar.
     */
    private double[][] signals(Pipeline pipeline, List<org.trellis.api.risk.RiskGuard> guards, ColumnarBarSeries series) {
        double[][] rows = new double[series.size()][1 + guards.size()];
        Pipeline recording = new Pipeline(pipeline.name(), pipeline.params(),
                () -> new Recording(pipeline.strategies().get(), guards, rows), pipeline.features(), 0, pipeline.sizing());
        new BacktestEngine(registry, settings).run(recording, List.of(series), guards, (d, t) -> { }, RunMode.BACKTEST,
                RunListener.NONE);
        return rows;
    }

    /** The strategy, noting each decision it makes. */
    private static final class Recording implements Strategy {
        private final Strategy inner;
        private final List<org.trellis.api.risk.RiskGuard> guards;
        private final double[][] rows;

        Recording(Strategy inner, List<org.trellis.api.risk.RiskGuard> guards, double[][] rows) {
            this.inner = inner;
            this.guards = guards;
            this.rows = rows;
        }

        @Override
        public List<FeatureRequest> requiredFeatures() {
            return inner.requiredFeatures();
        }

        @Override
        public void bind(FeatureSchema schema) {
            inner.bind(schema);
        }

        @Override
        public void decide(StrategyContext context, Decision decision) {
            inner.decide(context, decision);
            Side s = decision.side();
            rows[context.barIndex()][0] = s == Side.BUY ? 1 : s == Side.SELL ? -1 : 0;
            for (int g = 0; g < guards.size(); g++) { // the guards have seen this bar already (their onBar comes first)
                rows[context.barIndex()][1 + g] = guards.get(g).state().toString().hashCode();
            }
        }

        @Override
        public void reset() {
            inner.reset();
        }
    }
}
