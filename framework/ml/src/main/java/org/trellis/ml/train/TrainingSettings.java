package org.trellis.ml.train;

/**
 * How a binary classifier is trained. Defaults are the source system's: AdamW (lr 1e-3, weight decay
 * 1e-5), grad-norm clip 1.0, LR x0.5 after 5 epochs without validation improvement, early stop after
 * 10, seed 42.
 *
 * @param epochs             upper bound on epochs
 * @param batchSize          windows per step
 * @param learningRate       initial AdamW learning rate
 * @param weightDecay        AdamW decoupled weight decay
 * @param clipNorm           global gradient norm bound (0 disables clipping)
 * @param plateauPatience    epochs without validation improvement before the LR is reduced
 * @param plateauFactor      LR multiplier on a plateau
 * @param earlyStopPatience  epochs without validation improvement before training stops
 * @param seed               seeds weight initialisation, dropout and the shuffling of training windows
 * @param maxStepsPerEpoch   cap on steps per epoch (0 = every training window once), for quick runs
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, double clipNorm,
                               int plateauPatience, double plateauFactor, int earlyStopPatience, long seed,
                               int maxStepsPerEpoch) {
    public TrainingSettings {
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
        require(learningRate > 0, "learning rate must be > 0, got " + learningRate);
        require(weightDecay >= 0, "weight decay must be >= 0, got " + weightDecay);
        require(clipNorm >= 0, "clip norm must be >= 0, got " + clipNorm);
        require(plateauPatience >= 1, "plateau patience must be >= 1, got " + plateauPatience);
        require(plateauFactor > 0 && plateauFactor < 1, "plateau factor must be in (0, 1), got " + plateauFactor);
        require(earlyStopPatience >= 1, "early-stop patience must be >= 1, got " + earlyStopPatience);
        require(maxStepsPerEpoch >= 0, "max steps per epoch must be >= 0, got " + maxStepsPerEpoch);
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(50, 64, 1e-3, 1e-5, 1.0, 5, 0.5, 10, 42, 0);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(value, batchSize, learningRate, weightDecay, clipNorm, plateauPatience, plateauFactor,
                earlyStopPatience, seed, maxStepsPerEpoch);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(epochs, value, learningRate, weightDecay, clipNorm, plateauPatience, plateauFactor,
                earlyStopPatience, seed, maxStepsPerEpoch);
    }

    public TrainingSettings withLearningRate(double value) {
        return new TrainingSettings(epochs, batchSize, value, weightDecay, clipNorm, plateauPatience, plateauFactor,
                earlyStopPatience, seed, maxStepsPerEpoch);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, clipNorm, plateauPatience, plateauFactor,
                earlyStopPatience, value, maxStepsPerEpoch);
    }

    public TrainingSettings withPatience(int plateau, int earlyStop) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, clipNorm, plateau, plateauFactor,
                earlyStop, seed, maxStepsPerEpoch);
    }

    public TrainingSettings withMaxStepsPerEpoch(int value) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, clipNorm, plateauPatience, plateauFactor,
                earlyStopPatience, seed, value);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
