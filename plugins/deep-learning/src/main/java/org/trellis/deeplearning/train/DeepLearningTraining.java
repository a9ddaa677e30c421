package org.trellis.deeplearning.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarSeries;
import org.trellis.api.plugin.Params;
import org.trellis.deeplearning.features.CandleFeaturesFactory;
import org.trellis.deeplearning.model.Architectures;
import org.trellis.deeplearning.model.ClassifierConfig;
import org.trellis.deeplearning.model.SequenceClassifier;
import org.trellis.ml.data.ChronologicalSplit;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.data.HorizonLabels;
import org.trellis.ml.data.Scaler;
import org.trellis.ml.data.SequenceWindows;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.ml.train.BinaryClassifierTraining;
import org.trellis.ml.train.BinaryMetrics;
import org.trellis.ml.train.Prediction;
import org.trellis.ml.train.TrainingListener;
import org.trellis.ml.train.TrainingResult;
import org.trellis.ml.train.TrainingSettings;

/**
 * One training run of a candle classifier, from bars to a saved model folder: candle features,
 * up/down labels over the horizon, windows, a chronological 70/15/15 split with an embargo, a scaler
 * fitted on the training rows only, training, held-out metrics, and a weights-only save with
 * everything needed to rebuild and check the model.
 */
public final class DeepLearningTraining {
    public static final String FAMILY = "deep-learning";

    /**
     * Candle features a model never reads: a running total whose level depends on where the data
     * starts (OBV from the first bar of the file, or of the session), so the same bar would score
     * differently in training, in a backtest of a slice and live.
     */
    public static final java.util.Set<String> NOT_MODEL_INPUTS = java.util.Set.of("obv");

    /** The model's inputs among the candle features, in their order. */
    public static java.util.List<String> inputs(java.util.List<String> candleNames) {
        return candleNames.stream().filter(n -> !NOT_MODEL_INPUTS.contains(n)).toList();
    }

    /**
     * What to train.
     *
     * @param architecture  lstm or transformer
     * @param config        its sizes
     * @param dataName      the dataset's name or path, recorded in the metadata
     * @param series        the bars
     * @param engine        PyTorch or MXNet
     * @param window        bars per window
     * @param horizon       bars ahead the label looks
     * @param settings      optimiser, schedule, early stopping, seed
     * @param featureParams parameters of the candle feature set
     * @param out           the model folder to write
     */
    public record Request(String architecture, ClassifierConfig config, String dataName, BarSeries series, String engine,
                          int window, int horizon, TrainingSettings settings, Map<String, Object> featureParams, Path out) {
        public Request {
            architecture = Architectures.canonical(architecture);
            engine = Engines.canonicalName(engine);
            if (!Engines.TRAINABLE.contains(engine)) {
                throw new IllegalArgumentException("models train on " + Engines.TRAINABLE + ", not " + engine);
            }
            if (window < 1 || horizon < 1) {
                throw new IllegalArgumentException("window and horizon must be >= 1 bar, got window " + window + ", horizon " + horizon);
            }
            featureParams = featureParams == null ? Map.of() : Map.copyOf(featureParams);
        }
    }

    /** The saved model's metadata, the training history and the held-out metrics. */
    public record Outcome(ModelMetadata metadata, TrainingResult training, BinaryMetrics validation, BinaryMetrics test,
                          int trainWindows, int validationWindows, int testWindows) {
    }

    private DeepLearningTraining() {
    }

    public static Outcome run(Request request, TrainingListener listener, String trellisVersion) {
        FeatureSet features = new CandleFeaturesFactory().create(Params.of(request.featureParams()));
        FeatureMatrix matrix = FeatureMatrices.compute(features, request.series(), inputs(features.names()));
        byte[] labels = HorizonLabels.upDown(FeatureMatrices.closes(request.series()), request.horizon());
        SequenceWindows windows = SequenceWindows.over(matrix, request.window(), labels);
        ChronologicalSplit split = ChronologicalSplit.of(windows, request.horizon());
        Scaler scaler = Scaler.fit(matrix, split.trainRowsFrom(), split.trainRowsTo());
        scaler.applyInPlace(matrix);

        Engines.get(request.engine());
        SequenceClassifier block = request.config().build(matrix.columns(), request.window());
        try (Model model = Model.newInstance(request.architecture(), request.engine())) {
            model.setBlock(block);
            TrainingResult result = new BinaryClassifierTraining(request.settings(), listener).train(model, split);
            BinaryMetrics validation = Prediction.metrics(model, split.validation(), request.settings().batchSize());
            BinaryMetrics test = Prediction.metrics(model, split.test(), request.settings().batchSize());
            ModelMetadata metadata = metadata(request, matrix, split, scaler, result, validation, test, trellisVersion);
            ModelMetadata saved = ModelDirectory.write(request.out(), metadata, BinaryClassifierTraining.weights(block));
            return new Outcome(saved, result, validation, test, split.train().size(), split.validation().size(), split.test().size());
        }
    }

    private static ModelMetadata metadata(Request request, FeatureMatrix matrix, ChronologicalSplit split, Scaler scaler,
                                          TrainingResult result, BinaryMetrics validation, BinaryMetrics test, String trellisVersion) {
        TrainingSettings s = request.settings();
        Map<String, Object> hyper = new LinkedHashMap<>(Architectures.sizes(request.config()));
        hyper.put("window", request.window());
        hyper.put("horizon", request.horizon());
        hyper.put("feature_set", CandleFeaturesFactory.NAME);
        hyper.put("feature_params", request.featureParams());
        hyper.put("epochs", s.epochs());
        hyper.put("epochs_run", result.history().size());
        hyper.put("best_epoch", result.bestEpoch());
        hyper.put("batch_size", s.batchSize());
        hyper.put("learning_rate", s.learningRate());
        hyper.put("weight_decay", s.weightDecay());
        hyper.put("clip_norm", s.clipNorm());
        hyper.put("plateau_patience", s.plateauPatience());
        hyper.put("plateau_factor", s.plateauFactor());
        hyper.put("early_stop_patience", s.earlyStopPatience());
        hyper.put("optimizer", "AdamW");
        hyper.put("loss", "BCE with logits");
        Map<String, Double> metrics = new LinkedHashMap<>();
        validation.addTo(metrics, "validation");
        test.addTo(metrics, "test");
        metrics.put("best_validation_loss", result.bestValidationLoss());
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("trellis", trellisVersion);
        versions.put("djl", Engine.getDjlVersion());
        versions.put(request.engine(), Engines.get(request.engine()).getVersion());
        BarSeries series = request.series();
        ModelMetadata.DataRange data = new ModelMetadata.DataRange(request.dataName(), iso(series.time(0)),
                iso(series.time(series.size() - 1)), series.size(), iso(matrix.time(split.train().end(split.train().size() - 1))),
                iso(matrix.time(split.validation().end(split.validation().size() - 1))));
        return new ModelMetadata(ModelMetadata.FORMAT, ModelMetadata.FORMAT_VERSION, FAMILY, request.architecture(),
                request.engine(), hyper, matrix.names(), new ModelMetadata.ScalerStats(scaler.mean(), scaler.std()), data, metrics,
                versions, null, s.seed(), Instant.now().toString());
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
