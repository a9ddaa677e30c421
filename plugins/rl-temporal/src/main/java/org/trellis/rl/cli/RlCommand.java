package org.trellis.rl.cli;

import org.trellis.ml.spi.TrainingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trellis rl}: lists its subcommands. */
@Command(name = "rl", mixinStandardHelpOptions = true, subcommands = {ImportCommand.class, ExportCommand.class},
        description = "The rl-temporal agent's weights: import upstream safetensors as a model folder, export them back.")
final class RlCommand implements Runnable {
    final TrainingContext context;

    @Spec
    CommandSpec spec;

    RlCommand(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
