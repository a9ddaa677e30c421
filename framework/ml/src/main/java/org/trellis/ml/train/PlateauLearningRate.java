package org.trellis.ml.train;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate that drops by a factor when the validation loss has not improved for a number of
 * epochs (PyTorch's ReduceLROnPlateau in "min" mode, threshold 0): DJL's trackers only follow the
 * step count, so the optimiser reads this one and the training loop feeds it validation losses.
 */
final class PlateauLearningRate implements Tracker {
    private final double factor;
    private final int patience;
    private float value;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    PlateauLearningRate(double initial, double factor, int patience) {
        this.value = (float) initial;
        this.factor = factor;
        this.patience = patience;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return value;
    }

    float value() {
        return value;
    }

    /** Record an epoch's validation loss; true when the rate was reduced. */
    boolean observe(double validationLoss) {
        if (validationLoss < best) {
            best = validationLoss;
            badEpochs = 0;
            return false;
        }
        if (++badEpochs > patience) {
            value = (float) (value * factor);
            badEpochs = 0;
            return true;
        }
        return false;
    }
}
