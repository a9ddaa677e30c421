package org.trellis.api.feature;

import java.util.Map;
import java.util.Objects;
import org.trellis.api.plugin.Params;

/**
 * A strategy's request for a feature set by name, with parameters; the engine resolves the name
 * through the plugin registry and makes one instance per instrument.
 */
public record FeatureRequest(String featureSet, Params params) {
    public FeatureRequest {
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(params, "params");
    }

    public static FeatureRequest of(String featureSet, Map<String, ?> params) {
        return new FeatureRequest(featureSet, Params.of(params));
    }
}
