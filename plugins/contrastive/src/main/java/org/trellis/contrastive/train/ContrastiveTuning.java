package org.trellis.contrastive.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.trellis.contrastive.data.PurgedKFold;
import org.trellis.contrastive.model.ContrastiveModel;
import org.trellis.contrastive.model.LabelledWindows;
import org.trellis.contrastive.model.TransformerAgentConfig;
import org.trellis.contrastive.model.TwoStageTrainer;
import org.trellis.ml.train.BinaryMetrics;
import java.util.Locale;
import java.util.Map;
import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.ml.spi.TrialOutcome;
import org.trellis.ml.spi.TrialProgress;
import org.trellis.ml.spi.TrialRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A seeded random search over the {@link SearchSpace}, each trial scored by purged k-fold
 * cross-validation ({@link PurgedKFold}: 3 contiguous folds, training windows whose label span
 * overlaps the held-out block purged, 1% embargo after it) on the training part of the purged
 * chronological split, so the validation and test windows that {@code train} reports on are never
 * seen. Score: the mean held-out probe log loss over the folds (lower is better). Deterministic for
 * a seed on one engine: the trials are drawn from one generator before any runs, and every fit is
 * seeded with the search's seed, so a trial's result depends on its arguments alone, not on where or
 * in which order the host runs it (in this process, or as Spark tasks: {@code --spark-master}).
 */
public final class ContrastiveTuning {
    /** One fold's held-out metrics and the probe's last training loss. */
    public record FoldResult(int fold, int trainWindows, int testWindows, double logLoss, double accuracy, double auc,
                             double probeLoss) {
    }

    /** One trial: its configuration and fold results; the score is the mean held-out log loss. */
    public record Trial(int number, TransformerAgentConfig config, List<FoldResult> folds) {
        public double logLoss() {
            return folds.stream().mapToDouble(FoldResult::logLoss).average().orElse(Double.NaN);
        }

        public double accuracy() {
            return folds.stream().mapToDouble(FoldResult::accuracy).average().orElse(Double.NaN);
        }

        /** Mean over the folds with both classes (AUC is undefined on a fold of one class). */
        public double auc() {
            return folds.stream().mapToDouble(FoldResult::auc).filter(Double::isFinite).average().orElse(Double.NaN);
        }
    }

    private ContrastiveTuning() {
    }

    /**
     * Draws the trials (one generator seeded with the search's seed, on this machine, so the draw does not
     * depend on where trials run), runs them through the host ({@link TrainingContext#runTrials}: in this
     * process, or as Spark tasks), and ranks them.
     *
     * @param base     the search's own arguments every trial repeats (data, engine, seed, window, labels, stages)
     * @param progress gets one line per trial, in trial order, once all have run: the probe's training loss, the
     *                 held-out score ("val loss") and accuracy, and "best" when it beat the trials before it
     * @param failed   gets each failed trial's number and error
     * @return every trial that ran, best (lowest mean held-out log loss) first; ties keep the draw order
     * @throws IllegalStateException when every trial failed
     */
    public static List<Trial> run(TrainingContext context, ModelTrainer trainer, ContrastiveDataset data, List<String> base,
                                  TwoStageTrainer.Settings settings, int trials, java.util.function.Consumer<String> progress,
                                  TrialProgress finished, java.util.function.BiConsumer<Integer, String> failed) {
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be >= 1, got " + trials);
        }
        PurgedChronologicalSplit.of(data); // refuses too little data here, before any trial runs
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<TransformerAgentConfig> configs = new ArrayList<>();
        List<TrialRequest> requests = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
            TransformerAgentConfig config = SearchSpace.sample(random, data.window());
            configs.add(config);
            requests.add(new TrialRequest(t, trialArgs(base, config)));
        }
        List<TrialOutcome> outcomes = context.runTrials(trainer, requests, finished);
        List<Trial> out = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (TrialOutcome o : outcomes) {
            if (o.failed()) {
                failed.accept(o.number(), o.error());
                continue;
            }
            Trial trial = new Trial(o.number(), configs.get(o.number() - 1), decode(o.result()));
            out.add(trial);
            boolean improved = trial.logLoss() < best;
            best = Math.min(best, trial.logLoss());
            progress.accept(String.format(Locale.ROOT, "tune trial %d/%d  loss %.4f  val loss %.4f  val acc %.3f  lr %.2g%s",
                    trial.number(), trials, trial.folds().stream().mapToDouble(FoldResult::probeLoss).average().orElse(Double.NaN),
                    trial.logLoss(), trial.accuracy(), trial.config().learningRate(), improved ? "  best" : ""));
        }
        if (out.isEmpty()) {
            TrialOutcome first = outcomes.get(0);
            throw new IllegalStateException("every trial failed; trial " + first.number() + ": " + first.error());
        }
        out.sort(Comparator.comparingDouble(Trial::logLoss));
        return out;
    }

    /** A trial's arguments: the search's own, then the configuration drawn for it (numbers in full: the same model). */
    static List<String> trialArgs(List<String> base, TransformerAgentConfig c) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of("--d-model", Integer.toString(c.dModel()), "--heads", Integer.toString(c.heads()), "--layers",
                Integer.toString(c.layers()), "--lr", Double.toString(c.learningRate()), "--dropout", Float.toString(c.dropout())));
        return args;
    }

    /** A trial's command line: the search's data, stage and label options and one configuration. */
    @Command(name = "contrastive-trial")
    static final class TrialArgs {
        @Mixin
        DataOptions run = new DataOptions();

        @Mixin
        StageOptions stages = new StageOptions();

        @Mixin
        AgentOptions agent = new AgentOptions();
    }

    /**
     * One trial, wherever the host runs it: purged 3-fold cross-validation of the configuration in {@code args}
     * on the training part of the purged chronological split of the data {@code args} names. Returns the fold
     * results as text ({@link #decode}).
     */
    public static String trial(TrainingContext context, List<String> args) {
        TrialArgs a = new TrialArgs();
        new CommandLine(a).parseArgs(args.toArray(new String[0]));
        long seed = a.run.seed(context);
        TwoStageTrainer.Settings settings = a.stages.settings(seed);
        String dataName = a.run.dataName(context);
        ContrastiveDataset data = ContrastiveDataset.of(dataName, context.data(dataName), Map.of(), a.run.window, a.run.barrierK,
                a.run.horizon);
        TransformerAgentConfig config = a.agent.config(data.window());
        int[] train = PurgedChronologicalSplit.of(data).train();
        int[] start = new int[train.length];
        int[] end = new int[train.length];
        for (int j = 0; j < train.length; j++) {
            start[j] = data.end(train[j]) + 1;
            end[j] = data.spanEnd(train[j]);
        }
        StringBuilder b = new StringBuilder();
        for (PurgedKFold.Fold fold : PurgedKFold.split(start, end)) {
            FoldResult r = fit(data, a.run.engineName(context), config, settings, fold, select(train, fold.train()),
                    select(train, fold.test()));
            b.append(r.fold()).append(' ').append(r.trainWindows()).append(' ').append(r.testWindows()).append(' ')
                    .append(r.logLoss()).append(' ').append(r.accuracy()).append(' ').append(r.auc()).append(' ')
                    .append(r.probeLoss()).append('\n');
        }
        return b.toString();
    }

    /** The fold results of {@link #trial}'s text (doubles in Java's round-trip notation: exactly the numbers computed). */
    static List<FoldResult> decode(String text) {
        List<FoldResult> folds = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            String[] f = line.split(" ");
            folds.add(new FoldResult(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        }
        return List.copyOf(folds);
    }

    private static FoldResult fit(ContrastiveDataset data, String engine, TransformerAgentConfig config,
                                  TwoStageTrainer.Settings settings, PurgedKFold.Fold fold, int[] trainWindows, int[] testWindows) {
        LabelledWindows train = data.windows(trainWindows);
        LabelledWindows test = data.windows(testWindows);
        TwoStageTrainer trainer = new TwoStageTrainer(engine, config, settings);
        try (ContrastiveModel model = trainer.fit(train)) {
            BinaryMetrics m = ContrastiveTraining.metrics(model, test);
            List<Double> probe = trainer.probeLosses();
            return new FoldResult(fold.index(), train.count(), test.count(), m.logLoss(), m.accuracy(), m.auc(),
                    probe.get(probe.size() - 1));
        }
    }

    private static int[] select(int[] windows, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = windows[positions[i]];
        }
        return out;
    }
}
