package org.trellis.ml.train;

/**
 * One finished epoch.
 *
 * @param epoch              1-based
 * @param trainLoss          mean training loss of the epoch
 * @param validationLoss     mean validation log loss
 * @param validationAccuracy validation accuracy at p = 0.5
 * @param learningRate       the LR the epoch ran with
 * @param improved           whether the validation loss was the best so far
 * @param elapsedMillis      since training started
 */
public record EpochResult(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                          double learningRate, boolean improved, long elapsedMillis) {
}
