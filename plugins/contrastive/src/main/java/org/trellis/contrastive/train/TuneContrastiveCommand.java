package org.trellis.contrastive.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trellis.api.market.BarSeries;
import org.trellis.contrastive.model.TransformerAgentConfig;
import org.trellis.contrastive.model.TwoStageTrainer;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.spi.TrainingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trellis tune contrastive}: random search over the agent's sizes, scored by purged 3-fold cross-validation. */
@Command(name = "contrastive", mixinStandardHelpOptions = true,
        description = {"Search the contrastive agent's hyperparameters (the spec's space: d_model 96/128/144/192, heads 2/4/8 "
                + "dividing it, 2-4 layers, lr 1e-4..6e-4 log-uniform, dropout 0.05-0.20) with a seeded random search.",
                "Each trial is scored by purged 3-fold cross-validation (1% embargo) on the training part of the purged 70/15/15 "
                        + "split: the mean held-out probe log loss (lower is better). Prints the trials best first and the "
                        + "train command of the best."})
public final class TuneContrastiveCommand implements Callable<Integer> {
    private final TrainingContext context;

    @Mixin
    DataOptions run = new DataOptions();

    @Mixin
    StageOptions stages = new StageOptions();

    @Option(names = "--trials", defaultValue = "10", description = "Configurations to try (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every trial, with its fold results, to FILE.")
    Path json;

    public TuneContrastiveCommand(TrainingContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        long seed = run.seed(context);
        TwoStageTrainer.Settings settings = stages.settings(seed);
        String dataName = run.dataName(context);
        String engine = run.engineName(context);
        BarSeries series = context.data(dataName);
        ContrastiveDataset data = ContrastiveDataset.of(dataName, series, Map.of(), run.window, run.barrierK, run.horizon);
        PrintWriter err = context.err();
        err.printf(Locale.ROOT, "Tuning contrastive on %s (%,d bars), engine %s, seed %d: %d trials x 3 purged folds, "
                + "%d contrastive + %d probe epochs each%n", dataName, series.size(), engine, seed, trials, settings.contrastiveEpochs(),
                settings.probeEpochs());
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<ContrastiveTuning.Trial> ranked = ContrastiveTuning.run(context, new ContrastiveTrainer(), data,
                base(dataName, engine, seed, settings), settings, trials, err::println,
                (done, total) -> err.printf(Locale.ROOT, "tune: %d/%d trials finished (%.0f s)%n", done, total,
                        (System.nanoTime() - start) / 1e9),
                (number, error) -> failures.add("trial " + number + " failed: " + error));
        PrintWriter o = context.out();
        failures.forEach(o::println);
        o.println(table(ranked));
        o.println("Best (trial " + ranked.get(0).number() + "):");
        o.println("  " + trainCommand(ranked.get(0).config(), dataName, engine, seed, settings));
        if (json != null) {
            write(json, ranked, dataName, engine, settings);
            o.println("Wrote " + ranked.size() + " trials to " + json);
        }
        o.flush();
        return 0;
    }

    /** What every trial repeats: this search's data, engine, seed, label and stage options (numbers in full). */
    private List<String> base(String dataName, String engine, long seed, TwoStageTrainer.Settings s) {
        return List.of("--data", dataName, "--engine", engine, "--seed", Long.toString(seed), "--window", Integer.toString(run.window),
                "--barrier-k", Double.toString(run.barrierK), "--horizon", Integer.toString(run.horizon), "--contrastive-epochs",
                Integer.toString(s.contrastiveEpochs()), "--probe-epochs", Integer.toString(s.probeEpochs()), "--batch",
                Integer.toString(s.batchSize()), "--temperature", Float.toString(s.temperature()), "--probe-loss",
                s.probeLoss().name().toLowerCase(Locale.ROOT));
    }

    /** The trials, best first, one line each. */
    static String table(List<ContrastiveTuning.Trial> ranked) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%4s %5s %7s %5s %6s %9s %7s  %8s %8s %6s%n", "rank", "trial",
                "d_model", "heads", "layers", "lr", "dropout", "log loss", "accuracy", "AUC"));
        int rank = 1;
        for (ContrastiveTuning.Trial t : ranked) {
            TransformerAgentConfig c = t.config();
            b.append(String.format(Locale.ROOT, "%4d %5d %7d %5d %6d %9.3g %7.3f  %8.4f %8.3f %6.3f%n", rank++, t.number(), c.dModel(),
                    c.heads(), c.layers(), c.learningRate(), c.dropout(), t.logLoss(), t.accuracy(), t.auc()));
        }
        return b.toString().stripTrailing();
    }

    /** The command that trains the configuration with the settings it was scored with (numbers in full: the same model). */
    static String trainCommand(TransformerAgentConfig c, String data, String engine, long seed, TwoStageTrainer.Settings s) {
        return String.format(Locale.ROOT, "./trellis train contrastive --data %s --engine %s --seed %d --window %d --d-model %d "
                        + "--heads %d --layers %d --lr %s --dropout %s --contrastive-epochs %d --probe-epochs %d --batch %d "
                        + "--temperature %s --probe-loss %s", data, engine, seed, c.window(), c.dModel(), c.heads(), c.layers(),
                c.learningRate(), c.dropout(), s.contrastiveEpochs(), s.probeEpochs(), s.batchSize(), s.temperature(),
                s.probeLoss().name().toLowerCase(Locale.ROOT));
    }

    private void write(Path file, List<ContrastiveTuning.Trial> ranked, String dataName, String engine, TwoStageTrainer.Settings s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("data", dataName);
        doc.put("engine", engine);
        doc.put("seed", s.seed());
        doc.put("window", run.window);
        doc.put("barrier_k", run.barrierK);
        doc.put("horizon", run.horizon);
        doc.put("contrastive_epochs", s.contrastiveEpochs());
        doc.put("probe_epochs", s.probeEpochs());
        doc.put("batch_size", s.batchSize());
        doc.put("score", "mean held-out probe log loss over 3 purged folds (lower is better)");
        List<Map<String, Object>> trials = new ArrayList<>();
        for (ContrastiveTuning.Trial t : ranked) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial", t.number());
            row.putAll(ContrastiveTraining.hyperparameters(t.config(), s, run.barrierK, run.horizon));
            row.put("log_loss", t.logLoss());
            row.put("accuracy", t.accuracy());
            row.put("auc", t.auc());
            row.put("folds", t.folds());
            row.put("command", trainCommand(t.config(), dataName, engine, s.seed(), s));
            trials.add(row);
        }
        doc.put("trials", trials);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ModelDirectory.json().writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
