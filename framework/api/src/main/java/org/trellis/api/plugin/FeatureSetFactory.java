package org.trellis.api.plugin;

import org.trellis.api.feature.FeatureSet;

/** SPI: contributes a {@link FeatureSet} under a name. */
public interface FeatureSetFactory extends PartFactory<FeatureSet> {
    @Override
    default PartKind kind() {
        return PartKind.FEATURE_SET;
    }
}
