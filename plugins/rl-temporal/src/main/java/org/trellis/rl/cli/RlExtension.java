package org.trellis.rl.cli;

import org.trellis.ml.spi.CommandExtension;
import org.trellis.ml.spi.TrainingContext;

/** {@code trellis rl ...}: the agent's own commands. */
public final class RlExtension implements CommandExtension {
    @Override
    public String name() {
        return "rl";
    }

    @Override
    public String description() {
        return "The rl-temporal agent: import upstream safetensors weights as a model folder, export them back.";
    }

    @Override
    public Object command(TrainingContext context) {
        return new RlCommand(context);
    }
}
