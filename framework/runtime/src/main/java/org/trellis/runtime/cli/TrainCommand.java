package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.plugin.PartRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trellis train FAMILY [options]}: hands the rest of the command line to the trainer a plugin
 * registered under that family name; without a family, lists the trainers.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model of a family a plugin provides and save it as a model folder.",
                "Without FAMILY: list the families. Each family has its own options: trellis train FAMILY --help."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FAMILY", description = "e.g. deep-learning")
    String family;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The family's own options.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        TrellisConfig config = configOptions.config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PartRegistry registry = configOptions.parts(config)) {
            Trainers trainers = new Trainers(registry, config, out, err);
            if (family == null) {
                if (!trainers.list(t -> t, trainers.context())) {
                    err.println("no model trainers: no loaded plugin provides one (see ./trellis plugins)");
                    return 2;
                }
                return 0;
            }
            return trainers.train(family, args);
        }
    }
}
