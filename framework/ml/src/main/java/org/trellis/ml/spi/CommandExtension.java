package org.trellis.ml.spi;

/**
 * A top-level command a plugin adds, e.g. {@code trellis rl import ...}. When the first word of a
 * command line is not a built-in command, the CLI asks the loaded plugins' extensions for one of that
 * name and hands it everything after the name. The command is a picocli command object (annotated
 * with {@code @Command}; it may have subcommands), so each extension declares its own options and
 * help. Listed in {@code META-INF/services/org.trellis.ml.spi.CommandExtension}.
 */
public interface CommandExtension {
    /** The word users type after {@code trellis}; must not be a built-in command's name. */
    String name();

    /** One line for {@code trellis --help}. */
    String description();

    /**
     * A fresh picocli command object (annotated; {@code Callable<Integer>} or {@code Runnable}) using
     * the host's services (models folder, engine, console) from {@code context}.
     */
    Object command(TrainingContext context);
}
