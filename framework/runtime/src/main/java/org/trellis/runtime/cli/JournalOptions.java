package org.trellis.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.trellis.runtime.engine.CatchUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.runtime.alert.Alert;
import org.trellis.runtime.alert.AlertListener;
import org.trellis.runtime.alert.Alerts;
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

    @Option(names = "--resume", description = "Paper mode: resume the crashed session of this same run (an error if there is "
            + "none). Without this flag a crashed session of the same run is resumed anyway; --no-resume starts afresh.")
    boolean resume;

    @Option(names = "--no-resume", description = "Paper mode: start a new session even if this run crashed before.")
    boolean noResume;

    /** The journal file to use, or null when journaling is off. */
    Path file(TrellisConfig config) {
        return noJournal ? null : journal != null ? journal : config.journal();
    }

    /** The command's journal: one connection shared by every run of the command (see {@link Journal}). */
    private Journal shared;
    /** The command's alert webhooks (paced runs only: backtests do not page anyone). */
    private Alerts alerts;

    synchronized Alerts alerts(TrellisConfig config) {
        if (alerts == null) {
            alerts = config.alerts();
        }
        return alerts;
    }

    private synchronized Journal journal(Path file) {
        if (shared == null) {
            shared = Journal.open(file);
            List<Long> crashed = shared.markCrashed();
            if (!crashed.isEmpty()) {
                LOG.warn("journal {}: session(s) {} were still marked running but their process is gone: marked crashed", file, crashed);
            }
        }
        return shared;
    }

    /** Closes the command's journal (everything is committed already; this releases the file). */
    synchronized void close() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        if (alerts != null) {
            alerts.close(); // delivers what is queued first
            alerts = null;
        }
    }

    /** What a journal session is about, for its row in {@code sessions}. */
    record About(String name, String script, Object config, long seed) {
    }

    /**
     * Runs {@code work} inside a journal session: started (status running) before, ended after
     * (finished, stopped or failed), with the journal's listener placed before {@code others} so that
     * a trade is durable before anyone reports it.
     */
    RunResult run(TrellisConfig config, About about, RunMode mode, RunListener others,
                  BiFunction<RunMode, RunListener, RunResult> work) {
        if (resume && noResume) {
            throw new IllegalArgumentException("--resume and --no-resume contradict each other");
        }
        Path file = file(config);
        if (file == null) {
            if (resume) {
                throw new IllegalArgumentException("--resume needs the journal; drop --no-journal");
            }
            return work.apply(mode, others);
        }
        Journal j = journal(file);
        Session session = session(j, file, about, mode);
        Alerts alerts = mode.paced() ? alerts(config) : Alerts.NONE;
        alert(alerts, session, about, session.resumed() ? "session-resumed" : "session-started",
                session.resumed() ? "resumed after a crash" : "started");
        RunListener listeners = RunListener.both(session.listener(), mode.paced()
                ? RunListener.both(new AlertListener(alerts, session.id(), about.name(), session.quietUntil()), others) : others);
        RunResult result;
        try {
            result = work.apply(session.mode(), listeners);
        } catch (RuntimeException | Error e) {
            try {
                j.endSession(session.id(), "failed", System.currentTimeMillis());
                alert(alerts, session, about, "session-failed", "failed: " + e.getMessage());
            } catch (RuntimeException journalToo) {
                e.addSuppressed(journalToo); // the run's failure is the news; the journal's comes with it
            }
            throw e;
        }
        session.listener().finish(result.equity());
        String end = result.stoppedEarly() ? "stopped" : "finished";
        j.endSession(session.id(), end, System.currentTimeMillis());
        alert(alerts, session, about, "session-" + end, end + " with " + result.trades().size() + " trade(s), equity "
                + String.format(java.util.Locale.ROOT, "%.2f", result.equity().last()));
        LOG.info("journaled as session {} in {}", session.id(), file);
        return result;
    }

    /** A run's journal session: a new one, or the crashed one it resumes (with its mode catching up first). */
    private record Session(long id, JournalListener listener, RunMode mode, boolean resumed, long quietUntil) {
    }

    private static void alert(Alerts alerts, Session s, About about, String event, String what) {
        alerts.send(new Alert(event, about.name() + " (session " + s.id() + "): " + what,
                about.script() == null ? "" : about.script(), System.currentTimeMillis(), s.id(), about.name()));
    }

    private Session session(Journal j, Path file, About about, RunMode mode) {
        String configJson = jsonOf(about.config());
        var resumable = mode.paced() && !noResume ? j.findCrashed(about.name(), about.script(), mode.name(), configJson)
                : java.util.Optional.<Journal.SessionRow>empty();
        if (resume && resumable.isEmpty()) {
            throw new IllegalArgumentException("--resume: the journal " + file + " has no crashed " + mode.name()
                    + " session of '" + about.name() + "' with this configuration");
        }
        if (resumable.isEmpty()) {
            long id = j.startSession(new Journal.SessionStart(about.name(), about.script(), mode.name(), configJson, about.seed(),
                    System.currentTimeMillis()));
            return new Session(id, new JournalListener(j, id, mode.paced()), mode, false, Long.MIN_VALUE);
        }
        long id = resumable.get().id();
        long until = j.checkpointTime(id);
        j.resumeSession(id);
        LOG.warn("resuming crashed session {} of '{}': replaying its bars up to {} to rebuild positions, guard state and "
                + "statistics, then continuing at the replay speed", id, about.name(),
                until == Long.MIN_VALUE ? "(none)" : org.trellis.runtime.report.Times.iso(until));
        return new Session(id, new JournalListener(j, id, true, j.known(id)), new CatchUp(mode, until), true, until);
    }

    private static String jsonOf(Object config) {
        try {
            return org.trellis.runtime.report.ReportJson.mapper().writeValueAsString(config);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
