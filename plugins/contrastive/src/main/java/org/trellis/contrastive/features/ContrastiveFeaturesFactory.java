package org.trellis.contrastive.features;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;

/** Registers {@link ContrastiveFeatures} under the name {@code contrastive}. */
public final class ContrastiveFeaturesFactory implements FeatureSetFactory {
    public static final String NAME = "contrastive";

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
        return "14 features of the contrastive models: log return, RSI 14, MACD 12/26, ATR 14, 24-bar volatility, "
                + "Bollinger 20/2 bands, width and position, fractionally differenced close (d = 0.4), cyclic UTC hour and "
                + "weekday; each as a rolling 100-bar z-score of its own past";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.bool("normalize", true, "replace each feature by its rolling z-score (false: raw values)"),
                ParamSpec.integer("zscore-window", ContrastiveFeatures.DEFAULT_ZSCORE_WINDOW,
                        "bars in the rolling z-score window (the current bar included)").atLeast(2),
                ParamSpec.bool("normalize-time", true,
                        "z-score the 4 cyclic time features too (false: raw sin/cos in [-1, 1]); only with normalize"));
    }

    @Override
    public FeatureSet create(Params params) {
        boolean normalize = params.getBoolean("normalize", true);
        return new ContrastiveFeatures(normalize,
                params.getInt("zscore-window", ContrastiveFeatures.DEFAULT_ZSCORE_WINDOW),
                normalize && params.getBoolean("normalize-time", true));
    }
}
