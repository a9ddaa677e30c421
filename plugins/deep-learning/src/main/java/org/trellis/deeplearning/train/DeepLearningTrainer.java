package org.trellis.deeplearning.train;

import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;

/** Registers {@code trellis train deep-learning}. */
public final class DeepLearningTrainer implements ModelTrainer {
    @Override
    public String name() {
        return DeepLearningTraining.FAMILY;
    }

    @Override
    public String description() {
        return "BiLSTM or causal Transformer up/down classifier on candle features (--model lstm|transformer)";
    }

    @Override
    public Object command(TrainingContext context) {
        return new TrainDeepLearningCommand(context);
    }
}
