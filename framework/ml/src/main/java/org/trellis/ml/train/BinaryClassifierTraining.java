package org.trellis.ml.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.trellis.ml.data.ChronologicalSplit;
import org.trellis.ml.data.SequenceWindows;
import org.trellis.ml.nn.BlockWeights;

/**
 * Trains a block that maps [batch, time, features] windows to one logit per window: BCE with logits,
 * AdamW, global grad-norm clipping, LR reduced on a validation plateau, early stopping that restores
 * the best epoch's weights. Deterministic for a seed: the engine is seeded before initialisation and
 * the training windows are shuffled by a seeded generator.
 */
public final class BinaryClassifierTraining {
    private final TrainingSettings settings;
    private final TrainingListener listener;

    public BinaryClassifierTraining(TrainingSettings settings, TrainingListener listener) {
        this.settings = settings;
        this.listener = listener == null ? TrainingListener.NONE : listener;
    }

    /**
     * Train the model's block (set, not yet initialised) on the split's training windows, validating on
     * its validation windows. On return the block holds the best epoch's weights.
     */
    public TrainingResult train(Model model, ChronologicalSplit split) {
        Engine engine = model.getNDManager().getEngine();
        engine.setRandomSeed((int) settings.seed());
        SequenceWindows train = split.train();
        PlateauLearningRate rate = new PlateauLearningRate(settings.learningRate(), settings.plateauFactor(), settings.plateauPatience());
        Optimizer optimizer = Optimizer.adamW()
                .optLearningRateTracker(rate)
                .optWeightDecays((float) settings.weightDecay())
                .build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss()).optOptimizer(optimizer);
        long started = System.currentTimeMillis();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(settings.batchSize(), train.length(), train.features()));
            WindowBatches batches = new WindowBatches(train, settings.batchSize());
            SplittableRandom shuffle = new SplittableRandom(settings.seed());
            int[] order = new int[train.size()];
            int steps = Math.max(1, (train.size() + settings.batchSize() - 1) / settings.batchSize());
            if (settings.maxStepsPerEpoch() > 0) {
                steps = Math.min(steps, settings.maxStepsPerEpoch());
            }
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            byte[] bestWeights = null;
            int sinceBest = 0;
            java.util.List<EpochResult> history = new java.util.ArrayList<>();
            boolean stoppedEarly = false;
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                Shuffle.permutation(order, shuffle);
                double lossSum = 0;
                for (int step = 0; step < steps; step++) {
                    int from = step * settings.batchSize();
                    int to = Math.min(order.length, from + settings.batchSize());
                    lossSum += step(trainer, model.getBlock(), batches, order, from, to);
                    listener.onStep(epoch, step + 1, steps, lossSum / (step + 1));
                }
                float usedRate = rate.value();
                BinaryMetrics validation = Prediction.metrics(model, split.validation(), settings.batchSize());
                boolean improved = validation.logLoss() < bestLoss;
                if (improved) {
                    bestLoss = validation.logLoss();
                    bestEpoch = epoch;
                    bestWeights = weights(model.getBlock());
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                EpochResult result = new EpochResult(epoch, lossSum / steps, validation.logLoss(), validation.accuracy(), usedRate,
                        improved, System.currentTimeMillis() - started);
                history.add(result);
                listener.onEpoch(result, settings.epochs());
                if (rate.observe(validation.logLoss())) {
                    listener.onLearningRateReduced(epoch, usedRate, rate.value());
                }
                if (sinceBest >= settings.earlyStopPatience() && epoch < settings.epochs()) {
                    listener.onEarlyStop(epoch, bestEpoch);
                    stoppedEarly = true;
                    break;
                }
            }
            if (bestWeights == null) {
                // every validation loss was NaN: keep the last weights, the caller sees the NaN metrics
                bestWeights = weights(model.getBlock());
            } else {
                restore(model, bestWeights);
            }
            return new TrainingResult(history, bestEpoch, bestLoss, stoppedEarly, bestWeights);
        }
    }

    private double step(Trainer trainer, Block block, WindowBatches batches, int[] order, int from, int to) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = batches.inputs(batch, order, from, to);
            NDArray y = batches.labels(batch, order, from, to);
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow().reshape(-1);
                NDArray value = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                loss = value.getFloat();
                collector.backward(value);
            }
            if (settings.clipNorm() > 0) {
                clipGradients(block, settings.clipNorm());
            }
            trainer.step();
            return loss;
        }
    }

    /** Scale all gradients together so that their global L2 norm is at most {@code maxNorm} (PyTorch's clip_grad_norm_). */
    static double clipGradients(Block block, double maxNorm) {
        // getGradient() wraps a new native handle each call, attached to the model's manager: close
        // them, or a long run piles up parameters x steps of handles (the engine's own store does too)
        java.util.List<NDArray> gradients = new java.util.ArrayList<>();
        try {
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray array = p.getValue().getArray();
                if (array.hasGradient()) {
                    gradients.add(array.getGradient());
                }
            }
            return clip(gradients, maxNorm);
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    /** @return the global norm before clipping */
    static double clip(java.util.List<NDArray> gradients, double maxNorm) {
        double sumSquares = 0;
        for (NDArray gradient : gradients) {
            try (NDArray square = gradient.square(); NDArray sum = square.sum()) {
                sumSquares += sum.getFloat();
            }
        }
        double norm = Math.sqrt(sumSquares);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (NDArray gradient : gradients) {
                gradient.muli(scale);
            }
        }
        return norm;
    }

    /** The block's parameters in DJL's weights-only format. */
    public static byte[] weights(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BlockWeights.save(block, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void restore(Model model, byte[] weights) {
        try {
            BlockWeights.load(model.getBlock(), model.getNDManager(), new ByteArrayInputStream(weights));
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("could not restore the best epoch's weights: " + e.getMessage(), e);
        }
    }
}
