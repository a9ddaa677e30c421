package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.plugin.PartRegistry;
import picocli.CommandLine;

/**
 * The model trainers the loaded plugins provide, and running one of their commands with a command
 * line: what {@code trellis train}, {@code trellis tune} and a script's {@code train} statements share.
 */
final class Trainers {
    private final PartRegistry registry;
    private final TrellisConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private final java.nio.file.Path journal;
    /** Where a search's trials run (null: in this process). */
    private HostTrainingContext.TrialPlace trialPlace;

    Trainers(PartRegistry registry, TrellisConfig config, PrintWriter out, PrintWriter err) {
        this(registry, config, out, err, config.journal());
    }

    /** {@code journal}: where trainings journal unless told otherwise (null: nowhere), e.g. the training script run's. */
    Trainers(PartRegistry registry, TrellisConfig config, PrintWriter out, PrintWriter err, java.nio.file.Path journal) {
        this.registry = registry;
        this.config = config;
        this.out = out;
        this.err = err;
        this.journal = journal;
    }

    List<ModelTrainer> all() {
        List<ModelTrainer> trainers = registry.extensions(ModelTrainer.class);
        registry.extensionProblems().forEach(p -> err.println("warning: " + p));
        return trainers;
    }

    /** Lists the families (with {@code which} commands) on out; false when there are none. */
    boolean list(Function<ModelTrainer, Object> which, TrainingContext context) {
        List<ModelTrainer> trainers = all().stream().filter(t -> which.apply(t) != null).toList();
        if (trainers.isEmpty()) {
            return false;
        }
        trainers.forEach(t -> out.printf(Locale.ROOT, "%-16s %s%n", t.name(), t.description()));
        return true;
    }

    ModelTrainer find(String family) {
        List<ModelTrainer> trainers = all();
        return trainers.stream().filter(t -> t.name().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trainer for '" + family + "'; available: "
                        + (trainers.isEmpty() ? "none (see ./trellis plugins)"
                                : trainers.stream().map(ModelTrainer::name).collect(Collectors.joining(", ")))));
    }

    TrainingContext context() {
        return new HostTrainingContext(config, out, err, registry, journal, trialPlace);
    }

    /** Runs the trials of searches on the Spark {@code master}, the executors loading trainers from {@code plugins}. */
    Trainers trialsOn(String master, org.trellis.runtime.plugin.PluginFolder plugins) {
        this.trialPlace = new HostTrainingContext.TrialPlace(master, plugins);
        return this;
    }

    /** Train a model of {@code family} with {@code args} (its own options); the command's exit code. */
    int train(String family, List<String> args) {
        TrainingContext context = context();
        return execute(find(family).command(context), "trellis train " + family, args);
    }

    /** Search {@code family}'s hyperparameters with {@code args}; the command's exit code. */
    int tune(String family, List<String> args) {
        ModelTrainer trainer = find(family);
        HostTrainingContext context = (HostTrainingContext) context();
        Object command = trainer.tuneCommand(context);
        if (command == null) {
            throw new IllegalArgumentException("'" + family + "' has no hyperparameter search; families that have one: "
                    + tunable());
        }
        int code = execute(command, "trellis tune " + family, args);
        if (trialPlace != null && !context.trialsRun() && code == 0) {
            err.println("warning: --spark-master " + trialPlace.master() + " was not used: " + family
                    + "'s search runs its trials itself, in this process");
        }
        return code;
    }

    String tunable() {
        TrainingContext context = context();
        String names = all().stream().filter(t -> t.tuneCommand(context) != null).map(ModelTrainer::name)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    /** Runs a plugin's picocli command named {@code name} with the CLI's console and error handling. */
    int execute(Object command, String name, List<String> args) {
        CommandLine line = new CommandLine(command);
        line.setCommandName(name);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler(Main.errors(err));
        return line.execute(args.toArray(new String[0]));
    }
}
