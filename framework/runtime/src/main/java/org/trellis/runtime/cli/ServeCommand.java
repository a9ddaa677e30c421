package org.trellis.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trellis.runtime.config.TrellisConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trellis serve}: the status page over an existing journal (read-only: no session runs here). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the status page over a journal: sessions, positions, trades, equity, health, live as it changes.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", paramLabel = "PATH", description = "Journal file (default trellis.journal, i.e. var/trellis.db).")
    Path journal;

    @Mixin
    WebOptions web;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        TrellisConfig config = configOptions.config();
        Path file = journal != null ? journal : config.journal();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no journal at " + file + " (runs write one; --journal PATH names another)");
        }
        web.start(config, file, null, configOptions.parts(config), spec.commandLine().getOut(),
                org.trellis.runtime.alert.Alerts.NONE);
        WebOptions.serveUntilStopped(spec.commandLine().getOut());
        return 0;
    }
}
