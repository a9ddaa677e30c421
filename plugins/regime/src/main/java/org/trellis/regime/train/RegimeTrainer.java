package org.trellis.regime.train;

import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.regime.model.RegimeModel;

/** Registers {@code trellis train regime}. */
public final class RegimeTrainer implements ModelTrainer {
    @Override
    public String name() {
        return RegimeModel.FAMILY;
    }

    @Override
    public String description() {
        return "Gaussian HMM regime model (Baum-Welch on log return and 24-bar volatility; state 0 = lowest volatility)";
    }

    @Override
    public Object command(TrainingContext context) {
        return new TrainRegimeCommand(context);
    }
}
