package org.trellis.contrastive.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.strategy.Strategy;
import org.trellis.contrastive.features.ContrastiveFeaturesFactory;
import org.trellis.contrastive.features.WilderAtrFeatures;
import org.trellis.contrastive.features.WilderAtrFeaturesFactory;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelPaths;

/**
 * {@code model 'contrastive', path: 'models/contrastive-btc-usd-1m'}: a saved contrastive model as
 * a long-only strategy with triple-barrier exits ({@link ContrastiveStrategy}). One loaded model
 * serves every instrument and run of the process that names the same folder and weights.
 */
public final class ContrastiveStrategyFactory implements StrategyFactory {
    public static final String NAME = "contrastive";

    private static final Map<String, SavedContrastiveModel> LOADED = new ConcurrentHashMap<>();

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
        return "a saved contrastive model, long only: buys when P(+1) > 0.5 (use threshold 0.75), exits at the label's upper or "
                + "lower barrier (close +/- k ATR 14) or after its horizon (train: ./trellis train contrastive)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.string("path", "", "the model folder (./trellis models lists them)"),
                ParamSpec.string("engine", "", "engine to run on; empty: the one it was trained on"));
    }

    @Override
    public Strategy create(Params params) {
        String path = params.getString("path", "");
        if (path.isBlank()) {
            throw new IllegalArgumentException("model 'contrastive' needs path: the model folder, e.g. model 'contrastive', "
                    + "path: 'models/contrastive-btc-usd-1m' (train one with ./trellis train contrastive)");
        }
        String engine = params.getString("engine", "");
        Path dir = ModelPaths.resolve(path);
        // keyed by the weights' checksum too: a model trained again in the same folder is loaded afresh
        String sha = ModelDirectory.open(dir, SavedContrastiveModel.howToTrain(path)).metadata().weights().sha256();
        String engineKey = engine.isBlank() ? "" : Engines.canonicalName(engine);
        SavedContrastiveModel model = LOADED.computeIfAbsent(dir.toAbsolutePath().normalize() + "|" + engineKey + "|" + sha,
                key -> SavedContrastiveModel.open(dir, engine.isBlank() ? null : engine));
        return new ContrastiveStrategy(new Scorer(model), FeatureRequest.of(ContrastiveFeaturesFactory.NAME, model.featureParams()),
                FeatureRequest.of(WilderAtrFeaturesFactory.NAME, Map.of("period", model.atrPeriod())),
                WilderAtrFeatures.name(model.atrPeriod()), new BarrierExit(model.barrierK(), model.horizon()));
    }

    /** One strategy's view of a shared model, with its own output slot (so scoring allocates nothing here). */
    private static final class Scorer implements ContrastiveStrategy.WindowScorer {
        private final SavedContrastiveModel model;
        private final double[] out = new double[1];

        Scorer(SavedContrastiveModel model) {
            this.model = model;
        }

        @Override
        public List<String> features() {
            return model.features();
        }

        @Override
        public int window() {
            return model.window();
        }

        @Override
        public String location() {
            return model.dir().toString();
        }

        @Override
        public double probability(float[] window) {
            model.probabilities(window, 1, out);
            return out[0];
        }
    }
}
