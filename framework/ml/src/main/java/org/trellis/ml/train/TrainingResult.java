package org.trellis.ml.train;

import java.util.List;

/**
 * What a training run produced.
 *
 * @param history            every epoch run
 * @param bestEpoch          the epoch whose weights were kept (1-based)
 * @param bestValidationLoss its validation log loss
 * @param stoppedEarly       whether early stopping ended the run
 * @param weights            the kept weights, in DJL's weights-only format
 */
public record TrainingResult(List<EpochResult> history, int bestEpoch, double bestValidationLoss, boolean stoppedEarly,
                             byte[] weights) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
