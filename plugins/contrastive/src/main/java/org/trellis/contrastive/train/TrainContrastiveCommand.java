package org.trellis.contrastive.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trellis.api.market.BarSeries;
import org.trellis.contrastive.model.TransformerAgentConfig;
import org.trellis.contrastive.model.TwoStageTrainer;
import org.trellis.ml.model.ModelPaths;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.ml.train.ConsoleTrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trellis train contrastive}: trains the SupCon agent and its linear probe and saves them. */
@Command(name = "contrastive", mixinStandardHelpOptions = true,
        description = {"Train the supervised-contrastive transformer agent and a linear probe on triple-barrier labels "
                + "(+1 = the upper barrier close_i + k ATR14_i is touched first within the horizon, vs the rest).",
                "Windows split 70/15/15 in time order, purged so that no label span reaches the next part; the probe's "
                        + "accuracy, log loss and AUC on validation and test are printed and saved with the model.",
                "Use it in a script: model 'contrastive', path: 'models/contrastive-btc-usd-1m'  (with threshold 0.75)"})
public final class TrainContrastiveCommand implements Callable<Integer> {
    private final TrainingContext context;

    @Mixin
    DataOptions run = new DataOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Model folder (default: <models-dir>/contrastive-<data>).")
    Path out;

    @Option(names = "--pca", paramLabel = "SHARE", defaultValue = "0",
            description = "Project the market features on the principal components that keep this share of their variance, "
                    + "fitted on the training bars only (e.g. 0.95; default ${DEFAULT-VALUE}: no PCA).")
    double pca;

    @Mixin
    AgentOptions agent = new AgentOptions();

    @Mixin
    StageOptions stages = new StageOptions();

    public TrainContrastiveCommand(TrainingContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TransformerAgentConfig config = agent.config(run.window);
        long runSeed = run.seed(context);
        TwoStageTrainer.Settings settings = stages.settings(runSeed);
        String dataName = run.dataName(context);
        String engineName = run.engineName(context);
        BarSeries series = context.data(dataName);
        Path folder = out != null ? out : context.modelsDir().resolve(ContrastiveTraining.FAMILY + "-" + ModelPaths.stem(dataName));
        PrintWriter err = context.err();
        err.printf(Locale.ROOT, "Training contrastive on %s (%,d bars), engine %s, seed %d, window %d, d_model %d, %d heads, "
                        + "%d layers, barrier k %s, horizon %d -> %s%n", dataName, series.size(), engineName, runSeed, config.window(),
                config.dModel(), config.heads(), config.layers(), run.barrierK, run.horizon, folder);
        long start = System.nanoTime();
        ContrastiveTraining.Outcome outcome = ContrastiveTraining.run(new ContrastiveTraining.Request(config, settings, dataName,
                        series, engineName, run.barrierK, run.horizon, Map.of(), folder, pca),
                new ConsoleTrainingProgress(err, context.interactive(), "contrastive"),
                new ConsoleTrainingProgress(err, context.interactive(), "probe"), context.trellisVersion());
        PrintWriter o = context.out();
        o.printf(Locale.ROOT, "Saved %s (contrastive, %s, seed %d) in %.0fs%n", folder, engineName, runSeed,
                (System.nanoTime() - start) / 1e9);
        o.printf(Locale.ROOT, "  windows: %,d train, %,d validation, %,d test (purged between the parts)%n", outcome.trainWindows(),
                outcome.validationWindows(), outcome.testWindows());
        o.printf(Locale.ROOT, "  validation: accuracy %.3f, log loss %.4f, AUC %.3f (share of +1 windows %.3f)%n",
                outcome.validation().accuracy(), outcome.validation().logLoss(), outcome.validation().auc(),
                outcome.validation().positiveRate());
        o.printf(Locale.ROOT, "  test:       accuracy %.3f, log loss %.4f, AUC %.3f (share of +1 windows %.3f)%n",
                outcome.test().accuracy(), outcome.test().logLoss(), outcome.test().auc(), outcome.test().positiveRate());
        if (outcome.skippedSteps() > 0) {
            o.printf(Locale.ROOT, "  note: %d contrastive steps had a non-finite loss or gradient and were skipped%n", outcome.skippedSteps());
        }
        o.printf(Locale.ROOT, "Use it: model 'contrastive', path: '%s'  (with threshold 0.75 for the spec's profiles)%n", folder);
        o.flush();
        return 0;
    }
}
