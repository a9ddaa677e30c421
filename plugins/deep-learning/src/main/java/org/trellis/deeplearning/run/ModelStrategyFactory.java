package org.trellis.deeplearning.run;

import java.nio.file.Files;
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
import org.trellis.deeplearning.features.CandleFeaturesFactory;
import org.trellis.deeplearning.model.Architectures;
import org.trellis.ml.interop.ImportedClassifier;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelPaths;

/**
 * {@code model 'lstm', path: 'models/lstm-btc-usd-1m'} (or {@code 'transformer'}): a saved
 * classifier as a strategy. One loaded model serves every instrument and run of the process that
 * names the same folder.
 */
public abstract class ModelStrategyFactory implements StrategyFactory {
    private static final Map<String, Object> LOADED = new ConcurrentHashMap<>();

    private final String architecture;

    ModelStrategyFactory(String architecture) {
        this.architecture = architecture;
    }

    @Override
    public String name() {
        return architecture;
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "a saved " + (architecture.equals(Architectures.LSTM) ? "BiLSTM" : "causal Transformer")
                + " classifier: buys when P(up) > buy, sells when P(up) < sell (train: ./trellis train deep-learning --model "
                + architecture + ")";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.string("path", "", "the model folder (./trellis models lists them), or a .pt/.onnx file with its .json metadata"),
                ParamSpec.number("buy", 0.6, "buy when P(up) is above this").between(0.5, 1.0),
                ParamSpec.number("sell", 0.4, "sell when P(up) is below this").between(0.0, 0.5),
                ParamSpec.string("engine", "", "engine to run on; empty: the one it was trained on"));
    }

    @Override
    public Strategy create(Params params) {
        String path = params.getString("path", "");
        if (path.isBlank()) {
            throw new IllegalArgumentException("model '" + architecture + "' needs path: the model folder, e.g. model '"
                    + architecture + "', path: 'models/" + architecture + "-btc-usd-1m'");
        }
        double buy = params.getDouble("buy", 0.6);
        double sell = params.getDouble("sell", 0.4);
        if (sell > buy) {
            throw new IllegalArgumentException("model '" + architecture + "': sell (" + sell + ") must not exceed buy (" + buy + ")");
        }
        String engine = params.getString("engine", "");
        Path dir = ModelPaths.resolve(path);
        if (ImportedClassifier.accepts(dir)) {
            ImportedClassifier imported = (ImportedClassifier) LOADED.computeIfAbsent(dir.toAbsolutePath().normalize() + "|imported|"
                    + modified(dir) + "|" + modified(ImportedClassifier.sidecarOf(dir)), key -> ImportedClassifier.open(dir));
            String featureSet = imported.featureSet() == null ? CandleFeaturesFactory.NAME : imported.featureSet();
            return new ModelStrategy(new Imported(imported), FeatureRequest.of(featureSet, imported.featureParams()), buy, sell);
        }
        // keyed by the weights' checksum too: a model trained again in the same folder is loaded afresh
        String sha = ModelDirectory.open(dir, "./trellis train deep-learning --model " + architecture + " --out " + path)
                .metadata().weights().sha256();
        String engineKey = engine.isBlank() ? "" : org.trellis.ml.engine.Engines.canonicalName(engine);
        DeepLearningModel model = (DeepLearningModel) LOADED.computeIfAbsent(dir.toAbsolutePath().normalize() + "|" + engineKey + "|" + sha,
                key -> DeepLearningModel.open(dir, engine.isBlank() ? null : engine));
        if (!model.metadata().architecture().equals(architecture)) {
            throw new IllegalArgumentException(dir + " holds a " + model.metadata().architecture() + " model; use model '"
                    + model.metadata().architecture() + "', path: '" + path + "'");
        }
        FeatureRequest features = FeatureRequest.of(CandleFeaturesFactory.NAME, model.featureParams());
        return new ModelStrategy(model, features, buy, sell);
    }

    private static long modified(Path file) {
        try {
            return java.nio.file.Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** A TorchScript or ONNX classifier with its metadata file, as the strategy sees it. */
    private record Imported(ImportedClassifier model) implements WindowClassifier {
        @Override
        public List<String> features() {
            return model.features();
        }

        @Override
        public org.trellis.ml.data.Scaler scaler() {
            return model.scaler();
        }

        @Override
        public int window() {
            return model.window();
        }

        @Override
        public String location() {
            return model.file().toString();
        }

        @Override
        public double[] probabilities(float[] scaled, int count) {
            return model.probabilities(scaled, count);
        }
    }

    /** {@code model 'lstm', path: ...} */
    public static final class Lstm extends ModelStrategyFactory {
        public Lstm() {
            super(Architectures.LSTM);
        }
    }

    /** {@code model 'transformer', path: ...} */
    public static final class Transformer extends ModelStrategyFactory {
        public Transformer() {
            super(Architectures.TRANSFORMER);
        }
    }
}
