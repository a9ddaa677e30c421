package org.trellis.contrastive.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.train.EpochResult;
import org.trellis.ml.train.Shuffle;
import org.trellis.ml.train.TrainingListener;

/**
 * The two-stage training of the supervised-contrastive agent:
 *
 * <ol>
 *   <li><b>Contrastive stage</b> ({@link #stage1}): the {@link TransformerAgent}'s encoder and
 *       projection head are trained with {@link SupConLoss} (AdamW at the config's learning rate,
 *       global grad-norm clipping) on shuffled batches of labelled windows.
 *   <li><b>Linear probe</b> ({@link #stage2}): the encoder is frozen (it is only run in inference
 *       mode, no trainer ever sees its parameters, so they cannot change); its last-token embeddings
 *       of the training windows are standardised and a logistic regression (one linear unit) is fitted
 *       on them with BCE or {@link FocalLoss}, AdamW.
 * </ol>
 *
 * <p>Deterministic for a given engine and seed: weights, dropout (the engine's generator is seeded)
 * and shuffling (a Java generator) all derive from {@link Settings#seed}.
 */
public final class TwoStageTrainer {
    /** The loss the probe is fitted with. */
    public enum ProbeLoss { BCE, FOCAL }

    /**
     * @param contrastiveEpochs passes over the training windows in the contrastive stage
     * @param probeEpochs       passes in the probe stage
     * @param batchSize         windows per step (the contrastive stage needs >= 2; SupCon only learns
     *                          from anchors with a same-label window in the batch)
     * @param weightDecay       AdamW decoupled weight decay (both stages)
     * @param clipNorm          global gradient norm bound of the contrastive stage (0 disables)
     * @param temperature       SupCon temperature
     * @param probeLearningRate AdamW learning rate of the probe
     * @param probeLoss         BCE or focal (alpha 1, gamma 2)
     * @param seed              seeds everything random
     */
    public record Settings(int contrastiveEpochs, int probeEpochs, int batchSize, double weightDecay, double clipNorm,
                           float temperature, double probeLearningRate, ProbeLoss probeLoss, long seed) {
        public Settings {
            require(contrastiveEpochs >= 0, "contrastive epochs must be >= 0, got " + contrastiveEpochs);
            require(probeEpochs >= 1, "probe epochs must be >= 1, got " + probeEpochs);
            require(batchSize >= 2, "batch size must be >= 2 (SupCon compares windows within a batch), got "
                    + batchSize);
            require(weightDecay >= 0, "weight decay must be >= 0, got " + weightDecay);
            require(clipNorm >= 0, "clip norm must be >= 0, got " + clipNorm);
            require(temperature > 0, "temperature must be > 0, got " + temperature);
            require(probeLearningRate > 0, "probe learning rate must be > 0, got " + probeLearningRate);
            require(probeLoss != null, "name the probe loss");
        }

        public static Settings defaults() {
            return new Settings(20, 50, 64, 1e-5, 1.0, SupConLoss.DEFAULT_TEMPERATURE, 1e-2, ProbeLoss.BCE, 42);
        }
    }

    private final String engineName;
    private final TransformerAgentConfig config;
    private final Settings settings;
    private final List<Double> contrastiveLosses = new ArrayList<>();
    private final List<Double> probeLosses = new ArrayList<>();
    private int bestProbeEpoch;
    private int probeStoppedAt;

    /** Contrastive epochs without a better validation SupCon loss before the contrastive stage stops. */
    public static final int CONTRASTIVE_PATIENCE = 3;
    private int bestContrastiveEpoch;

    /** Probe epochs without a better validation loss before the probe stage stops. */
    public static final int PROBE_PATIENCE = 5;
    private int skippedSteps;
    private TrainingListener contrastiveProgress = TrainingListener.NONE;
    private TrainingListener probeProgress = TrainingListener.NONE;

    public TwoStageTrainer(String engineName, TransformerAgentConfig config, Settings settings) {
        this.engineName = Engines.canonicalName(engineName);
        this.config = config;
        this.settings = settings;
    }

    /**
     * Listeners of each stage's steps and epochs (for a progress bar). Neither stage has a validation
     * pass: the epochs report NaN validation loss and accuracy.
     */
    public TwoStageTrainer progress(TrainingListener contrastive, TrainingListener probe) {
        this.contrastiveProgress = contrastive == null ? TrainingListener.NONE : contrastive;
        this.probeProgress = probe == null ? TrainingListener.NONE : probe;
        return this;
    }

    /** Contrastive steps of the last run whose loss or gradient was not finite, so that their update was dropped. */
    public int skippedSteps() {
        return skippedSteps;
    }

    /** Mean SupCon loss of every contrastive epoch of the last run (over its steps with a finite loss). */
    public List<Double> contrastiveLosses() {
        return List.copyOf(contrastiveLosses);
    }

    /** Mean probe loss of every probe epoch of the last run. */
    public List<Double> probeLosses() {
        return List.copyOf(probeLosses);
    }

    /** Both stages; the probe is fitted for all its epochs. */
    public ContrastiveModel fit(LabelledWindows train) {
        return fit(train, null);
    }

    /**
     * Both stages; with {@code validation}, the probe keeps the epoch with the lowest validation log
     * loss and stops {@value #PROBE_PATIENCE} epochs after it (a probe on 128 embedding dimensions
     * overfits a few thousand windows within a few epochs).
     */
    public ContrastiveModel fit(LabelledWindows train, LabelledWindows validation) {
        ContrastiveModel model = stage1(train, validation);
        try {
            stage2(model, train, validation);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The contrastive stage: a fresh agent, its encoder and projection head trained with SupCon. */
    public ContrastiveModel stage1(LabelledWindows train) {
        return stage1(train, null);
    }

    /**
     * The contrastive stage with early stopping: after each epoch the SupCon loss of the validation
     * windows (inference mode, chronological batches) is measured; the encoder keeps the weights of
     * the best epoch and stops {@value #CONTRASTIVE_PATIENCE} epochs after it. With thousands of noisy
     * windows SupCon learns to separate the training windows long after it stops helping on others
     * (30 epochs on btc-usd-1m: test AUC 0.52 against 0.59 after a few).
     */
    public ContrastiveModel stage1(LabelledWindows train, LabelledWindows validation) {
        if (train.window() != config.window()) {
            throw new IllegalArgumentException("the config's window is " + config.window() + " bars, the windows have "
                    + train.window());
        }
        Engine engine = Engines.get(engineName);
        engine.setRandomSeed((int) settings.seed());
        TransformerAgent agent = new TransformerAgent(config, train.features());
        ProjectionStage stage = new ProjectionStage(agent);
        Model model = Model.newInstance("supcon-agent", engine.getEngineName());
        model.setBlock(stage);
        ContrastiveModel result = new ContrastiveModel(model, agent);
        contrastiveLosses.clear();
        skippedSteps = 0;
        DefaultTrainingConfig training = new DefaultTrainingConfig(new SupConLoss("supcon", settings.temperature()))
                .optOptimizer(adamW(config.learningRate()));
        try (Trainer trainer = model.newTrainer(training)) {
            trainer.initialize(agent.inputShape(settings.batchSize()));
            agent.freezeHeads(true); // SupCon trains the encoder and projection only
            SplittableRandom random = new SplittableRandom(settings.seed());
            double bestLoss = Double.POSITIVE_INFINITY;
            float[][] best = null;
            int sinceBest = 0;
            bestContrastiveEpoch = 0;
            int[] order = new int[train.count()];
            // a last batch of one window has no pair to compare and is skipped
            int stepsPerEpoch = train.count() / settings.batchSize() + (train.count() % settings.batchSize() >= 2 ? 1 : 0);
            long start = System.currentTimeMillis();
            for (int epoch = 0; epoch < settings.contrastiveEpochs(); epoch++) {
                Shuffle.permutation(order, random);
                double sum = 0;
                int steps = 0;
                int finite = 0;
                for (int from = 0; from + 2 <= order.length; from += settings.batchSize()) {
                    int to = Math.min(order.length, from + settings.batchSize());
                    if (to - from < 2) {
                        break;
                    }
                    double loss = contrastiveStep(trainer, stage, train, order, from, to);
                    steps++;
                    if (Double.isFinite(loss)) {
                        sum += loss;
                        finite++;
                    }
                    contrastiveProgress.onStep(epoch + 1, steps, stepsPerEpoch, sum / Math.max(1, finite));
                }
                contrastiveLosses.add(sum / Math.max(1, finite));
                double held = validation == null ? Double.NaN : validationLoss(trainer.getManager(), stage, validation);
                boolean improved = validation != null && held < bestLoss;
                if (improved) {
                    bestLoss = held;
                    bestContrastiveEpoch = epoch + 1;
                    best = snapshot(stage);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                contrastiveProgress.onEpoch(new EpochResult(epoch + 1, sum / Math.max(1, finite), held, Double.NaN,
                        config.learningRate(), improved, System.currentTimeMillis() - start), settings.contrastiveEpochs());
                if (validation != null && sinceBest >= CONTRASTIVE_PATIENCE) {
                    break;
                }
            }
            if (best != null) {
                restore(stage, best);
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return result;
    }

    private double contrastiveStep(Trainer trainer, Block block, LabelledWindows train, int[] order, int from, int to) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batch.create(train.gather(order, from, to), new Shape(to - from, train.window(), train.features()));
            int[] labels = new int[to - from];
            for (int i = from; i < to; i++) {
                labels[i - from] = train.labels()[order[i]];
            }
            NDArray y = batch.create(labels);
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray value = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                loss = value.getFloat();
                collector.backward(value);
            }
            double norm = clipGradients(block, settings.clipNorm());
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                // one batch with a non-finite loss or gradient would turn every weight into NaN for good
                // (clipping cannot scale a NaN norm); its update is dropped instead, counted, and the
                // gradients are cleared so the next step starts clean. The loss is still reported (it is
                // usually finite when a gradient is not), so the progress line stays truthful.
                skippedSteps++;
                clearNonFinite(block);
            } else {
                trainer.step();
            }
            return loss;
        }
    }

    /**
     * The probe stage: the encoder of {@code model} stays frozen; a logistic regression is fitted on
     * its standardised embeddings of {@code train}, whose labels must be 0 or 1.
     */
    public LinearProbe stage2(ContrastiveModel model, LabelledWindows train) {
        return stage2(model, train, null);
    }

    /**
     * The probe stage with early stopping on {@code validation} (null: every epoch, the last one kept).
     * The validation windows only choose the epoch: nothing is fitted on them.
     */
    public LinearProbe stage2(ContrastiveModel model, LabelledWindows train, LabelledWindows validation) {
        for (int label : train.labels()) {
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("the linear probe is binary: labels must be 0 or 1, got " + label);
            }
        }
        float[][] embeddings = model.embeddings(train);
        int n = embeddings.length;
        int d = embeddings[0].length;
        float[] mean = new float[d];
        float[] std = new float[d];
        for (float[] e : embeddings) {
            for (int j = 0; j < d; j++) {
                mean[j] += e[j] / n;
            }
        }
        for (float[] e : embeddings) {
            for (int j = 0; j < d; j++) {
                std[j] += (e[j] - mean[j]) * (e[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = (float) Math.max(Math.sqrt(std[j]), 1e-6);
        }
        float[] standardised = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                standardised[i * d + j] = (embeddings[i][j] - mean[j]) / std[j];
            }
        }

        Engine engine = Engines.get(engineName);
        engine.setRandomSeed((int) settings.seed());
        Linear linear = Linear.builder().setUnits(1).build();
        Loss loss = settings.probeLoss() == ProbeLoss.FOCAL ? new FocalLoss()
                : Loss.sigmoidBinaryCrossEntropyLoss("bce", 1f, false);
        probeLosses.clear();
        try (Model probeModel = Model.newInstance("linear-probe", engine.getEngineName())) {
            probeModel.setBlock(linear);
            DefaultTrainingConfig training = new DefaultTrainingConfig(loss)
                    .optOptimizer(adamW(settings.probeLearningRate()));
            float[][] held = validation == null ? null : model.embeddings(validation);
            LinearProbe best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            try (Trainer trainer = probeModel.newTrainer(training)) {
                trainer.initialize(new Shape(settings.batchSize(), d));
                SplittableRandom random = new SplittableRandom(settings.seed() + 1);
                int[] order = new int[n];
                int stepsPerEpoch = (n + settings.batchSize() - 1) / settings.batchSize();
                long start = System.currentTimeMillis();
                probeStoppedAt = 0;
                bestProbeEpoch = 0;
                for (int epoch = 0; epoch < settings.probeEpochs(); epoch++) {
                    Shuffle.permutation(order, random);
                    double sum = 0;
                    int steps = 0;
                    for (int from = 0; from < n; from += settings.batchSize()) {
                        int to = Math.min(n, from + settings.batchSize());
                        sum += probeStep(trainer, standardised, d, train.labels(), order, from, to);
                        steps++;
                        probeProgress.onStep(epoch + 1, steps, stepsPerEpoch, sum / steps);
                    }
                    probeLosses.add(sum / steps);
                    LinearProbe now = probeOf(linear, mean, std);
                    if (held == null) {
                        best = now;
                        probeProgress.onEpoch(new EpochResult(epoch + 1, sum / steps, Double.NaN, Double.NaN,
                                settings.probeLearningRate(), false, System.currentTimeMillis() - start), settings.probeEpochs());
                        continue;
                    }
                    double[] scored = scores(now, held, validation.labels());
                    boolean improved = scored[0] < bestLoss;
                    if (improved) {
                        best = now;
                        bestLoss = scored[0];
                        bestProbeEpoch = epoch + 1;
                        sinceBest = 0;
                    } else {
                        sinceBest++;
                    }
                    probeProgress.onEpoch(new EpochResult(epoch + 1, sum / steps, scored[0], scored[1],
                            settings.probeLearningRate(), improved, System.currentTimeMillis() - start), settings.probeEpochs());
                    if (sinceBest >= PROBE_PATIENCE) {
                        probeStoppedAt = epoch + 1;
                        break;
                    }
                }
            }
            model.probe(best);
            return best;
        }
    }

    private static LinearProbe probeOf(Linear linear, float[] mean, float[] std) {
        float[] weights = linear.getParameters().get("weight").getArray().toFloatArray();
        float bias = linear.getParameters().get("bias").getArray().toFloatArray()[0];
        return new LinearProbe(weights, bias, mean, std);
    }

    /** Mean log loss and accuracy of the probe on embeddings with 0/1 labels. */
    private static double[] scores(LinearProbe probe, float[][] embeddings, int[] labels) {
        double loss = 0;
        int right = 0;
        for (int i = 0; i < embeddings.length; i++) {
            double p = Math.min(Math.max(probe.probability(embeddings[i]), 1e-7), 1 - 1e-7);
            loss -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
            right += (p > 0.5) == (labels[i] == 1) ? 1 : 0;
        }
        return new double[] {loss / embeddings.length, (double) right / embeddings.length};
    }

    /** The contrastive epoch kept by the last early-stopped fit (0 when it ran without validation windows). */
    public int bestContrastiveEpoch() {
        return bestContrastiveEpoch;
    }

    /** Mean SupCon loss of the windows in chronological batches, in inference mode (no dropout). */
    private double validationLoss(NDManager parent, ProjectionStage stage, LabelledWindows windows) {
        int[] order = new int[windows.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double sum = 0;
        int batches = 0;
        try (NDManager manager = parent.newSubManager()) {
            ParameterStore inference = new ParameterStore(manager, false);
            for (int from = 0; from + 2 <= order.length; from += settings.batchSize()) {
                int to = Math.min(order.length, from + settings.batchSize());
                try (NDManager batch = manager.newSubManager()) {
                    NDArray x = batch.create(windows.gather(order, from, to), new Shape(to - from, windows.window(), windows.features()));
                    int[] labels = java.util.Arrays.copyOfRange(windows.labels(), from, to);
                    NDArray projected = stage.forward(inference, new NDList(x), false).singletonOrThrow();
                    double loss = SupConLoss.compute(projected, batch.create(labels), settings.temperature()).getFloat();
                    if (Double.isFinite(loss)) {
                        sum += loss;
                        batches++;
                    }
                }
            }
        }
        return batches == 0 ? Double.NaN : sum / batches;
    }

    private static float[][] snapshot(Block block) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return values.toArray(new float[0][]);
    }

    private static void restore(Block block, float[][] values) {
        int i = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().set(values[i++]);
        }
    }

    /** The probe epoch kept by the last early-stopped fit (0 when it ran without validation windows). */
    public int bestProbeEpoch() {
        return bestProbeEpoch;
    }

    /** The epoch the probe stopped at early, or 0 when it ran all its epochs. */
    public int probeStoppedAt() {
        return probeStoppedAt;
    }

    private static double probeStep(Trainer trainer, float[] x, int d, int[] labels, int[] order, int from, int to) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            float[] rows = new float[(to - from) * d];
            float[] y = new float[to - from];
            for (int i = from; i < to; i++) {
                System.arraycopy(x, order[i] * d, rows, (i - from) * d, d);
                y[i - from] = labels[order[i]];
            }
            NDArray input = batch.create(rows, new Shape(to - from, d));
            NDArray target = batch.create(y);
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(input)).head().reshape(to - from);
                NDArray value = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
                loss = value.getFloat();
                collector.backward(value);
            }
            trainer.step();
            return loss;
        }
    }

    private Optimizer adamW(double learningRate) {
        return Optimizer.adamW().optLearningRateTracker(Tracker.fixed((float) learningRate))
                .optWeightDecays((float) settings.weightDecay()).build();
    }

    /**
     * Scales all gradients together so that their global L2 norm is at most {@code maxNorm} (0: no
     * clipping); returns the norm before scaling.
     */
    /**
     * Every non-finite gradient entry set to zero, in place, by the engine (a masked assignment; the
     * finite ones DJL zeroes itself before the next step). DJL clears gradients between steps by
     * subtracting each from itself, which leaves a NaN or an infinity where it was: one non-finite
     * step would then poison every later one on PyTorch (on btc-usd-1m it did: 2,698 of 2,940 steps
     * skipped). MXNet's backward overwrites its gradients (and has no masked assignment): nothing to do.
     */
    static void clearNonFinite(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (array.hasGradient() && !"MXNet".equals(array.getManager().getEngine().getEngineName())) {
                try (NDArray gradient = array.getGradient();
                     NDArray nan = gradient.isNaN();
                     NDArray infinite = gradient.isInfinite();
                     NDArray bad = nan.logicalOr(infinite)) {
                    gradient.set(bad, 0f);
                }
            }
        }
    }

    private static double clipGradients(Block block, double maxNorm) {
        // getGradient() wraps a new native handle per call: close them
        List<NDArray> gradients = new ArrayList<>();
        try {
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray array = p.getValue().getArray();
                if (array.hasGradient()) {
                    gradients.add(array.getGradient());
                }
            }
            double sumSquares = 0;
            for (NDArray gradient : gradients) {
                try (NDArray square = gradient.square(); NDArray sum = square.sum()) {
                    sumSquares += sum.getFloat();
                }
            }
            double norm = Math.sqrt(sumSquares);
            if (maxNorm > 0 && norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray gradient : gradients) {
                    gradient.muli(scale);
                }
            }
            return norm;
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
