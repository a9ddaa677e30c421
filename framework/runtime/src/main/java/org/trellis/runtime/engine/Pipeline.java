package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartKind;
import org.trellis.api.strategy.Strategy;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * What one strategy of a run is made of, between the data and the guards: the strategy (a fresh
 * instance per instrument), feature sets computed for it beyond those it asks for itself, the
 * minimum probability a decision needs to be acted on, and the sizing of entries.
 *
 * @param name the strategy's name in reports
 * @param params what reports show as its parameters
 * @param strategies makes the strategy, once per instrument
 * @param features feature sets to compute in addition to the strategy's own requests
 * @param threshold decisions with a probability below it are not acted on (counted as
 *                  {@value #BELOW_THRESHOLD}); decisions without a probability pass
 */
public record Pipeline(String name, Params params, Supplier<Strategy> strategies, List<FeatureRequest> features,
                       double threshold, Sizing sizing) {
    /** Reason code counted for decisions whose probability is below the threshold. */
    public static final String BELOW_THRESHOLD = "below-threshold";

    public Pipeline {
        features = List.copyOf(features);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be a probability in [0, 1], got " + threshold);
        }
    }

    /** A strategy part by name, its parameters checked now, acting on every decision, sized by itself. */
    public static Pipeline of(PartRegistry registry, String strategy, Params params) {
        Params effective = registry.effectiveParams(PartKind.STRATEGY, strategy, params);
        return new Pipeline(strategy, effective, () -> registry.strategy(strategy, params), List.of(), 0, Sizing.STRATEGY);
    }

    /** Everything this strategy computes per instrument: its own requests, then the extra feature sets. */
    List<FeatureRequest> featureRequests(Strategy s) {
        List<FeatureRequest> all = new ArrayList<>(s.requiredFeatures());
        all.addAll(features);
        return all;
    }
}
