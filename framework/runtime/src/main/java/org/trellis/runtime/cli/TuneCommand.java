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

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The family's own options, and --spark-master URL: run "
            + "the trials as Apache Spark tasks (local[*], local[N] or a cluster such as spark://host:7077), each in a JVM of its "
            + "own; without it they run one after another in this process.")
    List<String> args = new ArrayList<>();

    static final String SPARK_MASTER = "--spark-master";

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
            List<String> own = new ArrayList<>(args);
            String master = sparkMaster(own);
            if (master != null) {
                trainers.trialsOn(master, configOptions.plugins(config));
            }
            return trainers.tune(family, own);
        }
    }

    /**
     * Takes {@code --spark-master URL} (or {@code --spark-master=URL}) out of a family's arguments: the host's
     * option, wherever it stands; null when absent.
     */
    static String sparkMaster(List<String> args) {
        String master = null;
        for (int i = 0; i < args.size(); ) {
            String a = args.get(i);
            if (a.equals(SPARK_MASTER)) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(SPARK_MASTER + " needs a value: local[*], local[N] or a cluster URL such as "
                            + "spark://host:7077");
                }
                master = args.get(i + 1);
                args.subList(i, i + 2).clear();
            } else if (a.startsWith(SPARK_MASTER + "=")) {
                master = a.substring(SPARK_MASTER.length() + 1);
                if (master.isBlank()) {
                    throw new IllegalArgumentException(SPARK_MASTER + " needs a value: local[*], local[N] or a cluster URL such as "
                            + "spark://host:7077");
                }
                args.remove(i);
            } else {
                i++;
            }
        }
        return master;
    }
}
