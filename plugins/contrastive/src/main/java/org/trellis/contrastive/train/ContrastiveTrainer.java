package org.trellis.contrastive.train;

import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;

/** Registers {@code trellis train contrastive}. */
public final class ContrastiveTrainer implements ModelTrainer {
    @Override
    public String name() {
        return ContrastiveTraining.FAMILY;
    }

    @Override
    public String description() {
        return "supervised-contrastive transformer + linear probe on triple-barrier labels (+1 vs rest)";
    }

    @Override
    public Object command(TrainingContext context) {
        return new TrainContrastiveCommand(context);
    }

    @Override
    public Object tuneCommand(TrainingContext context) {
        return new TuneContrastiveCommand(context);
    }

    /** One trial of {@code tune contrastive} (see {@link ContrastiveTuning#trial}). */
    @Override
    public String trial(TrainingContext context, java.util.List<String> args) {
        return ContrastiveTuning.trial(context, args);
    }
}
