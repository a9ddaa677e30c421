package org.trellis.auditor;

import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;

/** Registers {@code trellis train auditor}. */
public final class AuditorTrainer implements ModelTrainer {
    @Override
    public String name() {
        return "auditor";
    }

    @Override
    public String description() {
        return "XGBoost meta-label auditor (P(the entry's trade is profitable)) from a primary model's trades (--primary) or a CSV (--labels)";
    }

    @Override
    public Object command(TrainingContext context) {
        return new TrainAuditorCommand(context);
    }
}
