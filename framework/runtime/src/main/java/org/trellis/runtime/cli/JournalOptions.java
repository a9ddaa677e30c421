package org.trellis.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.journal.Journal;
import org.trellis.runtime.journal.JournalListener;
import picocli.CommandLine.Option;

/** Where runs are journaled ({@code --journal PATH}, {@code --no-journal}), and the journal session around a run. */
final class JournalOptions {
    private static final Logger LOG = LoggerFactory.getLogger(JournalOptions.class);

    @Option(names = "--journal", paramLabel = "PATH", description = "Journal file (SQLite; default trellis.journal, i.e. var/trellis.db).")
    Path journal;

    @Option(names = "--no-journal", description = "Do not journal this run.")
    boolean noJournal;

    /** The journal file to use, or null when journaling is off. */
    Path file(TrellisConfig config) {
        return noJournal ? null : journal != null ? journal : config.journal();
    }

    /** What a journal session is about, for its row in {@code sessions}. */
    record About(String name, String script, Object config, long seed) {
    }

    /**
     * Runs {@code work} inside a journal session: started (status running) before, ended after
     * (finished, stopped or failed), with the journal's listener placed before {@code others} so that
     * a trade is durable before anyone reports it.
     */
    RunResult run(TrellisConfig config, About about, RunMode mode, RunListener others, Function<RunListener, RunResult> work) {
        Path file = file(config);
        if (file == null) {
            return work.apply(others);
        }
        try (Journal j = Journal.open(file)) {
            List<Long> crashed = j.markCrashed();
            if (!crashed.isEmpty()) {
                LOG.warn("journal {}: session(s) {} were still marked running but their process is gone: marked crashed", file, crashed);
            }
            long id = j.startSession(new Journal.SessionStart(about.name(), about.script(), mode.name(),
                    jsonOf(about.config()), about.seed(), System.currentTimeMillis()));
            JournalListener listener = new JournalListener(j, id, mode.paced());
            RunResult result;
            try {
                result = work.apply(RunListener.both(listener, others));
            } catch (RuntimeException | Error e) {
                j.endSession(id, "failed", System.currentTimeMillis());
                throw e;
            }
            listener.finish(result.equity());
            j.endSession(id, result.stoppedEarly() ? "stopped" : "finished", System.currentTimeMillis());
            LOG.info("journaled as session {} in {}", id, file);
            return result;
        }
    }

    private static String jsonOf(Object config) {
        try {
            return org.trellis.runtime.report.ReportJson.mapper().writeValueAsString(config);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
