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
import org.trellis.ml.train.EpochResult;
import org.trellis.ml.train.TrainingListener;

/**
 * A seeded random search over the {@link SearchSpace}, each trial scored by purged k-fold
 * cross-validation ({@link PurgedKFold}: 3 contiguous folds, training windows whose label span
 * overlaps the held-out block purged, 1% embargo after it) on the training part of the purged
 * chronological split, so the validation and test windows that {@code train} reports on are never
 * seen. Score: the mean held-out probe log loss over the folds (lower is better). Deterministic for
 * a seed on one engine: the trials are drawn from one generator and every fit is seeded.
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
     * @param progress gets one step per fold and one epoch per trial (validation loss = the trial's score)
     * @return every trial, best (lowest mean held-out log loss) first; ties keep the draw order
     */
    public static List<Trial> run(ContrastiveDataset data, String engine, TwoStageTrainer.Settings settings, int trials,
                                  TrainingListener progress) {
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be >= 1, got " + trials);
        }
        int[] train = PurgedChronologicalSplit.of(data).train();
        int[] start = new int[train.length];
        int[] end = new int[train.length];
        for (int j = 0; j < train.length; j++) {
            start[j] = data.end(train[j]) + 1;
            end[j] = data.spanEnd(train[j]);
        }
        List<PurgedKFold.Fold> folds = PurgedKFold.split(start, end);
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<Trial> out = new ArrayList<>();
        long begin = System.currentTimeMillis();
        double best = Double.POSITIVE_INFINITY;
        for (int t = 1; t <= trials; t++) {
            TransformerAgentConfig config = SearchSpace.sample(random, data.window());
            List<FoldResult> results = new ArrayList<>();
            for (PurgedKFold.Fold fold : folds) {
                results.add(fit(data, engine, config, settings, fold, select(train, fold.train()), select(train, fold.test())));
                progress.onStep(t, results.size(), folds.size(), results.get(results.size() - 1).logLoss());
            }
            Trial trial = new Trial(t, config, List.copyOf(results));
            out.add(trial);
            boolean improved = trial.logLoss() < best;
            best = Math.min(best, trial.logLoss());
            progress.onEpoch(new EpochResult(t, results.stream().mapToDouble(FoldResult::probeLoss).average().orElse(Double.NaN),
                    trial.logLoss(), trial.accuracy(), config.learningRate(), improved, System.currentTimeMillis() - begin), trials);
        }
        out.sort(Comparator.comparingDouble(Trial::logLoss));
        return out;
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
