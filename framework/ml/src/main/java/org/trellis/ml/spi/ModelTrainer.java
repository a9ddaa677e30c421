package org.trellis.ml.spi;

/**
 * A family of models that {@code trellis train <name> ...} can train. The command is a picocli
 * command object (annotated with {@code @Command}, {@code @Option}): the CLI hands it the rest of
 * the command line, so each family declares its own options and help. Listed in
 * {@code META-INF/services/org.trellis.ml.spi.ModelTrainer}.
 */
public interface ModelTrainer {
    /** The family name users type, e.g. {@code deep-learning}. */
    String name();

    String description();

    /**
     * A fresh picocli command object (annotated; {@code Callable<Integer>} or {@code Runnable}) that
     * trains and saves a model, using the host's services from {@code context}.
     */
    Object command(TrainingContext context);

    /**
     * A fresh picocli command object for {@code trellis tune <name> ...}, which searches the family's
     * hyperparameters, or {@code null} (the default) when the family has no search.
     */
    default Object tuneCommand(TrainingContext context) {
        return null;
    }

    /**
     * Runs one trial of this family's search, described by {@code args} (what the tune command put in its
     * {@link TrialRequest}), and returns its result as text for the tune command to read back. The host
     * may call this in another process or on another machine, on a fresh trainer from the same plugin, so
     * the trial must depend on {@code args} and the data it loads through {@code context} alone.
     *
     * @throws UnsupportedOperationException (the default) when the family's search has no trials
     */
    default String trial(TrainingContext context, java.util.List<String> args) {
        throw new UnsupportedOperationException(name() + " has no hyperparameter trials");
    }
}
