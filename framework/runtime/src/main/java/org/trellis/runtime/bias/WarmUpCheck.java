package org.trellis.runtime.bias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSet;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * Warm-up (recursive) analysis: a recursive feature such as an EMA depends, a little, on every bar
 * it has ever seen, so its value after {@code n} bars of history differs from its value after all of
 * them. For each feature, the value at the series' last bar is computed from the last {@code n} bars
 * only, for growing {@code n}, and compared with the value from the whole series; the recommended
 * warm-up is the shortest history after which the relative difference stays within the tolerance.
 */
public final class WarmUpCheck {
    /** One feature: its declared warm-up, the relative error at each history length tried, and the recommendation. */
    public record Result(String feature, int declared, Map<Integer, Double> errors, int recommended) {
        /** -1 as {@code recommended}: the values did not settle within the histories the data allowed. */
        public static final int NOT_SETTLED = -1;

        public boolean declaredIsEnough() {
            return recommended != NOT_SETTLED && recommended <= declared;
        }
    }

    private final PartRegistry registry;
    private final double tolerance;

    /** {@code tolerance}: the relative difference from the full-history value still accepted (e.g. 1e-4). */
    public WarmUpCheck(PartRegistry registry, double tolerance) {
        this.registry = registry;
        this.tolerance = tolerance;
    }

    public List<Result> check(Pipeline pipeline, ColumnarBarSeries series) {
        List<FeatureRequest> requests = new ArrayList<>(pipeline.strategies().get().requiredFeatures());
        requests.addAll(pipeline.features());
        List<Result> out = new ArrayList<>();
        for (FeatureRequest r : new java.util.LinkedHashSet<>(requests)) {
            FeatureSet probe = registry.featureSet(r.featureSet(), r.params());
            double[] full = last(r, series, series.size());
            TreeSet<Integer> lengths = new TreeSet<>();
            int declared = probe.warmUp();
            for (int k : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
                int n = Math.max(1, declared) * k;
                if (n < series.size()) { // the whole series is the reference itself: no evidence
                    lengths.add(n);
                }
            }
            for (int col = 0; col < probe.names().size(); col++) {
                Map<Integer, Double> errors = new LinkedHashMap<>();
                int recommended = -1;
                for (int n : lengths) {
                    double e = relative(last(r, series, n)[col], full[col]);
                    errors.put(n, e);
                    if (e <= tolerance && recommended < 0) {
                        recommended = n;
                    } else if (e > tolerance) {
                        recommended = -1; // must hold from here on
                    }
                }
                out.add(new Result(probe.names().get(col) + " (" + r.featureSet() + ")", declared, errors,
                        recommended < 0 ? Result.NOT_SETTLED : recommended));
            }
        }
        return out;
    }

    /** The feature values at the last bar, computed bar by bar from the last {@code n} bars only. */
    private double[] last(FeatureRequest r, ColumnarBarSeries series, int n) {
        double[][] rows = BarByBar.rows(registry.featureSet(r.featureSet(), r.params()), series, series.size() - n, series.size());
        return rows[rows.length - 1];
    }

    private static double relative(double value, double reference) {
        if (Double.isNaN(value) || Double.isNaN(reference)) {
            return Double.isNaN(value) && Double.isNaN(reference) ? 0 : Double.POSITIVE_INFINITY;
        }
        double scale = Math.max(Math.abs(reference), 1e-12);
        return Math.abs(value - reference) / scale;
    }
}
