package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.plugin.PartRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trellis tune FAMILY [options]}: hands the rest of the command line to the hyperparameter
 * search of the family's trainer; without a family, lists the families that have one.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Search the hyperparameters of a model family (cross-validated, seeded) and print the trials.",
                "Without FAMILY: list the families that have a search. Options: trellis tune FAMILY --help."})
final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FAMILY", description = "e.g. contrastive")
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
                TrainingContext context = trainers.context();
                if (!trainers.list(t -> t.tuneCommand(context), context)) {
                    err.println("no hyperparameter searches: no loaded plugin's trainer has one (see ./trellis plugins)");
                    return 2;
                }
                return 0;
            }
            return trainers.tune(family, args);
        }
    }
}
