package org.trellis.deeplearning.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trellis.api.market.BarSeries;
import org.trellis.deeplearning.model.Architectures;
import org.trellis.deeplearning.model.ClassifierConfig;
import org.trellis.deeplearning.model.LstmConfig;
import org.trellis.deeplearning.model.TransformerConfig;
import org.trellis.ml.data.SeriesSlice;
import org.trellis.ml.model.ModelPaths;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.ml.train.ConsoleTrainingProgress;
import org.trellis.ml.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trellis train deep-learning}: trains a BiLSTM or causal Transformer on candle features and saves it. */
@Command(name = "deep-learning", mixinStandardHelpOptions = true,
        description = {"Train a BiLSTM or causal Transformer up/down classifier on the candle features of a series.",
                "Split 70/15/15 in time order; the scaler is fitted on the training split only; the best validation "
                        + "epoch is kept (early stopping) and saved with its metadata to a model folder.",
                "Use it in a script: model 'lstm', path: 'models/lstm-btc-usd-1m'"})
public final class TrainDeepLearningCommand implements Callable<Integer> {
    private final TrainingContext context;

    @Option(names = "--model", paramLabel = "lstm|transformer", defaultValue = "lstm", description = "Architecture (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--data", paramLabel = "NAME|CSV", description = "Bundled dataset or CSV (default: trellis.data.default).")
    String data;

    @Option(names = "--engine", paramLabel = "PyTorch|MXNet", description = "Engine (default: trellis.ml.engine).")
    String engine;

    @Option(names = "--epochs", defaultValue = "50", description = "Most epochs to run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--out", paramLabel = "DIR", description = "Model folder (default: <models-dir>/<model>-<data>).")
    Path out;

    @Option(names = "--window", defaultValue = "50", description = "Bars per input window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--horizon", defaultValue = "5", description = "The label: is the close this many bars later higher? (default: ${DEFAULT-VALUE})")
    int horizon;

    @Option(names = "--batch-size", defaultValue = "64", description = "Windows per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "1e-3", description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--patience", defaultValue = "10", description = "Epochs without validation improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--plateau", defaultValue = "5", description = "Epochs without improvement before the LR halves (default: ${DEFAULT-VALUE}).")
    int plateau;

    @Option(names = "--steps-per-epoch", defaultValue = "0", description = "Cap on steps per epoch, 0 = every training window (default).")
    int stepsPerEpoch;

    @Option(names = "--seed", description = "Seed (default: trellis.seed).")
    Long seed;

    @Option(names = "--last", paramLabel = "BARS", description = "Train on the last BARS bars only (quick runs).")
    Integer last;

    @Option(names = "--hidden", defaultValue = "128", description = "LSTM hidden size per direction (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked LSTM or encoder layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--dropout", defaultValue = "0.2", description = "Dropout (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--d-model", defaultValue = "128", description = "Transformer width (default: ${DEFAULT-VALUE}).")
    int dModel;

    @Option(names = "--heads", defaultValue = "8", description = "Transformer attention heads (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--ff", defaultValue = "512", description = "Transformer feed-forward width (default: ${DEFAULT-VALUE}).")
    int feedForward;

    public TrainDeepLearningCommand(TrainingContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String architecture = Architectures.canonical(model);
        ClassifierConfig config = architecture.equals(Architectures.LSTM)
                ? new LstmConfig(hidden, layers, dropout)
                : new TransformerConfig(dModel, heads, layers, feedForward, dropout);
        String dataName = data != null ? data : context.defaultData();
        BarSeries series = context.data(dataName);
        if (last != null) {
            if (last < 1) {
                throw new IllegalArgumentException("--last must be >= 1 bar, got " + last);
            }
            series = SeriesSlice.tail(series, last);
        }
        String engineName = engine != null ? engine : context.defaultEngine();
        long runSeed = seed != null ? seed : context.seed();
        TrainingSettings settings = new TrainingSettings(epochs, batchSize, learningRate, 1e-5, 1.0, plateau, 0.5, patience,
                runSeed, stepsPerEpoch);
        Path folder = out != null ? out : context.modelsDir().resolve(architecture + "-" + ModelPaths.stem(dataName));
        PrintWriter err = context.err();
        err.printf(Locale.ROOT, "Training %s on %s (%,d bars), engine %s, seed %d, window %d, horizon %d -> %s%n", architecture,
                dataName, series.size(), engineName, runSeed, window, horizon, folder);
        Map<String, Object> featureParams = new LinkedHashMap<>();
        DeepLearningTraining.Outcome outcome = DeepLearningTraining.run(new DeepLearningTraining.Request(architecture, config,
                dataName, series, engineName, window, horizon, settings, featureParams, folder),
                new ConsoleTrainingProgress(err, context.interactive()), context.trellisVersion());
        PrintWriter o = context.out();
        o.printf(Locale.ROOT, "Saved %s (%s, %s): best epoch %d of %d%n", folder, architecture, engineName,
                outcome.training().bestEpoch(), outcome.training().history().size());
        o.printf(Locale.ROOT, "  windows: %,d train, %,d validation, %,d test%n", outcome.trainWindows(), outcome.validationWindows(),
                outcome.testWindows());
        o.printf(Locale.ROOT, "  validation: accuracy %.3f, log loss %.4f, AUC %.3f%n", outcome.validation().accuracy(),
                outcome.validation().logLoss(), outcome.validation().auc());
        o.printf(Locale.ROOT, "  test:       accuracy %.3f, log loss %.4f, AUC %.3f (share of up windows %.3f)%n",
                outcome.test().accuracy(), outcome.test().logLoss(), outcome.test().auc(), outcome.test().positiveRate());
        o.printf(Locale.ROOT, "Use it: model '%s', path: '%s'%n", architecture, folder);
        o.flush();
        return 0;
    }
}
