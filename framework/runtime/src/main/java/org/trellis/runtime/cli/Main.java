package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.trellis.runtime.data.DataException;
import org.trellis.runtime.plugin.PluginException;

/** The {@code trellis} command. */
@Command(name = "trellis", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Trading strategies that grow from plugins: backtest and paper-trade them.",
        subcommands = {RunCommand.class, CheckCommand.class, CompareCommand.class, SweepCommand.class, WalkForwardCommand.class, BacktestCommand.class, PaperCommand.class, DataCommand.class, PluginsCommand.class, TrainCommand.class, TuneCommand.class, ModelsCommand.class, CompareModelsCommand.class, JournalCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // plugins log through System.Logger, which goes to java.util.logging: one format, one configuration (Logback)
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code (0 ok, 1 unexpected failure, 2 bad input or usage). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(errors(err));
        // everything after `train FAMILY` (or `tune FAMILY`) belongs to the family's own command (its options, its --help)
        cli.getSubcommands().get("train").setStopAtPositional(true);
        cli.getSubcommands().get("tune").setStopAtPositional(true);
        ExtensionCommands.listInHelp(cli);
        if (ExtensionCommands.mayName(cli, args)) {
            // a plugin's command (e.g. `rl import`); when none has that name, picocli reports the unknown command
            Optional<Integer> code = ExtensionCommands.run(args, out, err);
            if (code.isPresent()) {
                return code.get();
            }
        }
        return cli.execute(args);
    }

    /** Bad input prints one line and exits 2; anything else is a bug: stack trace, exit 1. */
    static CommandLine.IExecutionExceptionHandler errors(PrintWriter err) {
        return (e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof DataException || e instanceof PluginException
                    || e instanceof org.trellis.runtime.journal.JournalException || e instanceof org.trellis.ml.model.ModelException
                    || e instanceof java.io.UncheckedIOException || e instanceof ai.djl.engine.EngineException) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            err.println("error: " + e);
            e.printStackTrace(err);
            return 1;
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"trellis " + (v == null ? "dev" : v) + ", API " + org.trellis.api.plugin.ApiVersion.CURRENT};
        }
    }
}
