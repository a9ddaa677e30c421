package org.trellis.rl.train;

import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.rl.model.AgentModel;

/** Registers {@code trellis train rl-temporal}. */
public final class RlTrainer implements ModelTrainer {
    @Override
    public String name() {
        return AgentModel.FAMILY;
    }

    @Override
    public String description() {
        return "PPO actor-critic with a temporal encoder, trained online on simulated 15-minute up/down markets";
    }

    @Override
    public Object command(TrainingContext context) {
        return new TrainRlCommand(context);
    }
}
