package org.trellis.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** A test trainer that "saves a model" by writing its command line to --out (and can be told to fail). */
public final class RecordingTrainer implements ModelTrainer {
    @Override
    public String name() {
        return "recording";
    }

    @Override
    public String description() {
        return "test: writes its arguments to --out";
    }

    @Override
    public Object command(TrainingContext context) {
        return new Train();
    }

    /** A search that runs no trials through the host: writes its arguments like the trainer. */
    @Override
    public Object tuneCommand(TrainingContext context) {
        return new Train();
    }

    @Command(name = "recording")
    static final class Train implements Callable<Integer> {
        @Option(names = "--out", required = true)
        Path out;

        @Option(names = "--fail")
        boolean fail;

        @Unmatched
        List<String> rest = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            if (fail) {
                System.err.println("recording: told to fail");
                return 1;
            }
            Files.writeString(out, String.join(" ", rest));
            return 0;
        }
    }
}
