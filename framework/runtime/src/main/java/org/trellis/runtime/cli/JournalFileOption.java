package org.trellis.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trellis.runtime.config.TrellisConfig;
import picocli.CommandLine.Option;

/** {@code --journal PATH} for the commands that read an existing journal ({@code journal}, {@code serve}). */
final class JournalFileOption {
    @Option(names = "--journal", paramLabel = "PATH", description = "Journal file (default trellis.journal, i.e. var/trellis.db).")
    Path journal;

    /** The journal to read; an error when there is none yet. */
    Path existing(TrellisConfig config) {
        Path file = journal != null ? journal : config.journal();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no journal at " + file + " (runs write one; --journal PATH names another)");
        }
        return file;
    }
}
