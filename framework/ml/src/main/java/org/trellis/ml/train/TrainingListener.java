package org.trellis.ml.train;

/** Progress of a training run, for a progress bar, a log or a journal. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    /** After each optimisation step of an epoch. */
    default void onStep(int epoch, int step, int steps, double runningLoss) {
    }

    /** After each epoch's validation. */
    default void onEpoch(EpochResult result, int maxEpochs) {
    }

    /** When the learning rate drops on a validation plateau. */
    default void onLearningRateReduced(int epoch, double from, double to) {
    }

    /** When training stops before the last epoch. */
    default void onEarlyStop(int epoch, int bestEpoch) {
    }
}
