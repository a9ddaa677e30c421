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
}
