package org.trellis.contrastive.train;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.trellis.api.market.BarSeries;
import org.trellis.contrastive.data.TripleBarrierLabels;
import org.trellis.contrastive.features.ContrastiveFeaturesFactory;
import org.trellis.contrastive.model.ContrastiveModel;
import org.trellis.contrastive.model.ContrastiveWeights;
import org.trellis.contrastive.model.LabelledWindows;
import org.trellis.contrastive.model.TransformerAgentConfig;
import org.trellis.contrastive.model.TwoStageTrainer;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.ml.data.Pca;
import org.trellis.ml.train.BinaryMetrics;
import org.trellis.ml.train.TrainingListener;

/**
 * One training run of a supervised-contrastive model, from bars to a saved model folder: the
 * {@link ContrastiveDataset} (self-normalising features, triple-barrier labels, windows), a purged
 * chronological 70/15/15 split, the two stages on the training windows, the probe's metrics on
 * validation and test, and a weights-only save of the agent and probe with everything needed to
 * rebuild and check them.
 */
public final class ContrastiveTraining {
    public static final String FAMILY = "contrastive";
    public static final String ARCHITECTURE = "supcon-transformer";
    /** model.json hyperparameter holding the fitted PCA, when the model has one. */
    public static final String PCA = "pca";

    /**
     * What to train.
     *
     * @param config        the agent's sizes, window and learning rate
     * @param settings      epochs, batch, temperature, probe loss, seed
     * @param dataName      the dataset's name or path, recorded in the metadata
     * @param series        the bars
     * @param engine        PyTorch or MXNet
     * @param barrierK      barrier width in ATRs of the labels
     * @param horizon       bars a label scans
     * @param featureParams parameters of the contrastive feature set
     * @param out           the model folder to write
     * @param pca           share of the market features' variance PCA keeps, fitted on the training bars only; 0: no PCA
     */
    public record Request(TransformerAgentConfig config, TwoStageTrainer.Settings settings, String dataName, BarSeries series,
                          String engine, double barrierK, int horizon, Map<String, Object> featureParams, Path out, double pca) {
        public Request {
            if (!(pca >= 0 && pca <= 1)) {
                throw new IllegalArgumentException("--pca is a share of the variance in (0, 1] (0: no PCA), got " + pca);
            }
            engine = trainableEngine(engine);
            if (horizon < 1) {
                throw new IllegalArgumentException("--horizon must be >= 1 bar, got " + horizon);
            }
            if (!(barrierK > 0) || Double.isInfinite(barrierK)) {
                throw new IllegalArgumentException("--barrier-k must be a finite number > 0, got " + barrierK);
            }
            featureParams = featureParams == null ? Map.of() : Map.copyOf(featureParams);
        }
    }

    /** The saved model's metadata and the probe's held-out metrics. */
    public record Outcome(ModelMetadata metadata, BinaryMetrics validation, BinaryMetrics test, int trainWindows,
                          int validationWindows, int testWindows, int skippedSteps) {
    }

    private ContrastiveTraining() {
    }

    /** The canonical name of an engine models can be trained on. */
    public static String trainableEngine(String engine) {
        String canonical = Engines.canonicalName(engine);
        if (!Engines.TRAINABLE.contains(canonical)) {
            throw new IllegalArgumentException("models train on " + Engines.TRAINABLE + ", not " + canonical);
        }
        return canonical;
    }

    public static Outcome run(Request request, TrainingListener contrastive, TrainingListener probe, String trellisVersion) {
        ContrastiveDataset raw = ContrastiveDataset.of(request.dataName(), request.series(), request.featureParams(),
                request.config().window(), request.barrierK(), request.horizon());
        PurgedChronologicalSplit split = PurgedChronologicalSplit.of(raw);
        Pca pca = null;
        ContrastiveDataset data = raw;
        if (request.pca() > 0) {
            // fitted on the bars the training windows end at, never on the validation or test bars
            pca = raw.fitPca(raw.end(split.train()[split.train().length - 1]), request.pca());
            data = raw.projected(pca);
        }
        LabelledWindows train = data.windows(split.train());
        LabelledWindows held = data.windows(split.validation());
        TwoStageTrainer trainer = new TwoStageTrainer(request.engine(), request.config(), request.settings())
                .progress(contrastive, probe);
        // the validation windows choose the probe's epoch (early stopping); the test windows stay unseen
        try (ContrastiveModel model = trainer.fit(train, held)) {
            BinaryMetrics validation = metrics(model, held);
            BinaryMetrics test = metrics(model, data.windows(split.test()));
            if (!Double.isFinite(validation.logLoss()) || !Double.isFinite(test.logLoss())) {
                throw new IllegalStateException("training diverged: the model gives non-finite probabilities; nothing was saved to "
                        + request.out() + " (try a lower --lr or another --seed)");
            }
            byte[] weights = ContrastiveWeights.encode(model.agent(), model.probe());
            ModelMetadata saved = ModelDirectory.write(request.out(),
                    metadata(request, raw, split, validation, test, trainer.skippedSteps(), trainer.bestContrastiveEpoch(), trainer.bestProbeEpoch(), pca,
                            trellisVersion), weights);
            return new Outcome(saved, validation, test, split.train().length, split.validation().length, split.test().length,
                    trainer.skippedSteps());
        }
    }

    static BinaryMetrics metrics(ContrastiveModel model, LabelledWindows windows) {
        return BinaryMetrics.of(model.probabilities(windows), windows.labels());
    }

    /** The hyperparameters a model folder records, and {@code tune} prints as a command line. */
    public static Map<String, Object> hyperparameters(TransformerAgentConfig c, TwoStageTrainer.Settings s, double barrierK,
                                                      int horizon) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("d_model", c.dModel());
        hyper.put("heads", c.heads());
        hyper.put("layers", c.layers());
        hyper.put("feed_forward", c.feedForward());
        hyper.put("dropout", (double) c.dropout());
        hyper.put("window", c.window());
        hyper.put("learning_rate", c.learningRate());
        hyper.put("projection_dim", c.projectionDim());
        hyper.put("contrastive_epochs", s.contrastiveEpochs());
        hyper.put("probe_epochs", s.probeEpochs());
        hyper.put("batch_size", s.batchSize());
        hyper.put("temperature", (double) s.temperature());
        hyper.put("probe_loss", s.probeLoss().name().toLowerCase(Locale.ROOT));
        hyper.put("probe_learning_rate", s.probeLearningRate());
        hyper.put("weight_decay", s.weightDecay());
        hyper.put("clip_norm", s.clipNorm());
        hyper.put("optimizer", "AdamW");
        hyper.put("barrier_k", barrierK);
        hyper.put("horizon", horizon);
        hyper.put("atr_period", TripleBarrierLabels.DEFAULT_ATR_PERIOD);
        hyper.put("target", "triple-barrier +1 vs rest");
        return hyper;
    }

    private static ModelMetadata metadata(Request request, ContrastiveDataset data, PurgedChronologicalSplit split,
                                          BinaryMetrics validation, BinaryMetrics test, int skippedSteps, int bestContrastiveEpoch, int bestProbeEpoch,
                                          Pca pca, String trellisVersion) {
        Map<String, Object> hyper = hyperparameters(request.config(), request.settings(), request.barrierK(), request.horizon());
        hyper.put("feature_set", ContrastiveFeaturesFactory.NAME);
        hyper.put("feature_params", request.featureParams());
        if (pca != null) {
            hyper.put("pca_share", request.pca());
            hyper.put(PCA, ModelDirectory.json().convertValue(pca, Map.class));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        validation.addTo(metrics, "validation");
        test.addTo(metrics, "test");
        metrics.put("train_windows", (double) split.train().length);
        metrics.put("best_contrastive_epoch", (double) bestContrastiveEpoch);
        metrics.put("best_probe_epoch", (double) bestProbeEpoch);
        metrics.put("skipped_contrastive_steps", (double) skippedSteps);
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("trellis", trellisVersion);
        versions.put("djl", Engine.getDjlVersion());
        versions.put(request.engine(), Engines.get(request.engine()).getVersion());
        BarSeries series = request.series();
        int[] train = split.train();
        int[] val = split.validation();
        ModelMetadata.DataRange range = new ModelMetadata.DataRange(request.dataName(), iso(series.time(0)),
                iso(series.time(series.size() - 1)), series.size(), iso(data.time(data.end(train[train.length - 1]))),
                iso(data.time(data.end(val[val.length - 1]))));
        // no scaler: the feature set z-scores every column over its own past 100 bars
        return new ModelMetadata(ModelMetadata.FORMAT, ModelMetadata.FORMAT_VERSION, FAMILY, ARCHITECTURE, request.engine(), hyper,
                data.features(), null, range, metrics, versions, null, request.settings().seed(), Instant.now().toString());
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
