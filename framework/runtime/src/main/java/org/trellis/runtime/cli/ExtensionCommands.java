package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import com.typesafe.config.ConfigException;
import org.trellis.ml.spi.CommandExtension;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.plugin.PartRegistry;
import picocli.CommandLine;

/**
 * Top-level commands that plugins add ({@link CommandExtension}), e.g. {@code trellis rl import}.
 * Plugins are only discovered when the first word is not a built-in command, or when help is shown,
 * so built-in commands pay nothing for them. Extension commands use the configured plugins folder and
 * settings ({@code conf/application.conf}): everything after their name is theirs.
 */
final class ExtensionCommands {
    static final String HELP_SECTION = "pluginCommands";

    private ExtensionCommands() {
    }

    /** Whether {@code args} may name a plugin's command: a first word that is neither an option nor built in. */
    static boolean mayName(CommandLine cli, String[] args) {
        return args.length > 0 && !args[0].startsWith("-") && !cli.getSubcommands().containsKey(args[0]);
    }

    /**
     * Runs the plugin command named by {@code args[0]} with the rest of {@code args}.
     *
     * @return its exit code, or empty when no loaded plugin has a command of that name
     */
    static Optional<Integer> run(String[] args, PrintWriter out, PrintWriter err) {
        TrellisConfig config;
        try {
            config = TrellisConfig.load(null, Map.of());
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("error: " + e.getMessage());
            return Optional.of(2);
        }
        try (PartRegistry registry = PartRegistry.discover(config.plugins(null))) {
            Trainers host = new Trainers(registry, config, out, err);
            Optional<CommandExtension> extension = find(registry, args[0]);
            registry.extensionProblems().forEach(p -> err.println("warning: " + p));
            return extension.map(e -> host.execute(e.command(host.context()), "trellis " + e.name(),
                    Arrays.asList(args).subList(1, args.length)));
        }
    }

    /** Adds a "Plugin commands" section to {@code cli}'s help, listing them only when help is rendered. */
    static void listInHelp(CommandLine cli) {
        cli.getHelpSectionMap().put(HELP_SECTION, help -> {
            List<CommandExtension> all = discover();
            if (all.isEmpty()) {
                return "";
            }
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nPlugin commands:%n"));
            all.forEach(e -> text.append(String.format(Locale.ROOT, "  %-14s %s%n", e.name(), e.description())));
            return text.toString();
        });
        List<String> keys = new java.util.ArrayList<>(cli.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST) + 1, HELP_SECTION);
        cli.setHelpSectionKeys(keys);
    }

    private static List<CommandExtension> discover() {
        try (PartRegistry registry = PartRegistry.discover(TrellisConfig.load(null, Map.of()).plugins(null))) {
            return registry.extensions(CommandExtension.class);
        } catch (RuntimeException e) {
            // help must still print when the config or a plugin is broken; the commands report it when run
            return List.of();
        }
    }

    private static Optional<CommandExtension> find(PartRegistry registry, String name) {
        return registry.extensions(CommandExtension.class).stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
