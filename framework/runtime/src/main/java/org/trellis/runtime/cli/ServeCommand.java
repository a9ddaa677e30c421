package org.trellis.runtime.cli;

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

    @Mixin
    JournalFileOption journalFile;

    @Mixin
    WebOptions web;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        TrellisConfig config = configOptions.config();
        Path file = journalFile.existing(config);
        web.start(config, file, null, configOptions.parts(config), spec.commandLine().getOut(),
                org.trellis.runtime.alert.Alerts.NONE);
        WebOptions.serveUntilStopped(spec.commandLine().getOut());
        return 0;
    }
}
