package org.trellis.contrastive.features;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.contrastive.data.TripleBarrierLabels;

/** Registers {@link WilderAtrFeatures} under the name {@code wilder-atr}. */
public final class WilderAtrFeaturesFactory implements FeatureSetFactory {
    public static final String NAME = "wilder-atr";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "Wilder ATR from the first bar (column wilder_atr_<period>), the ATR of the triple-barrier labels";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.integer("period", TripleBarrierLabels.DEFAULT_ATR_PERIOD, "bars of the average").atLeast(1));
    }

    @Override
    public FeatureSet create(Params params) {
        return new WilderAtrFeatures(params.getInt("period", TripleBarrierLabels.DEFAULT_ATR_PERIOD));
    }
}
