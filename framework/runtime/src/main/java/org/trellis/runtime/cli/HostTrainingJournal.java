package org.trellis.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.ml.spi.TrainingJournal;
import org.trellis.runtime.journal.Journal;
import org.trellis.runtime.report.ReportJson;

/**
 * A training run's journal session (mode {@code train}): each update a {@code model_updates} row,
 * committed at once so that {@code trellis journal updates} and the status page see it while training
 * runs. Any journal failure (busy, unreadable, disk full) is reported on stderr once and ends the
 * journaling, never the training.
 */
final class HostTrainingJournal implements TrainingJournal {
    static final String MODE = "train";
    private static final ObjectMapper METRICS = new ObjectMapper();

    private final Path file;
    private final String model;
    private final PrintWriter err;
    private Journal journal;
    private final long session;

    private HostTrainingJournal(Path file, Journal journal, long session, String model, PrintWriter err) {
        this.file = file;
        this.journal = journal;
        this.session = session;
        this.model = model;
        this.err = err;
    }

    /** A session in the journal at {@code file}, or {@link TrainingJournal#NONE} (said on err) when it cannot be opened. */
    static TrainingJournal start(Path file, String name, long seed, Map<String, Object> config, PrintWriter err) {
        Journal j = null;
        try {
            j = Journal.open(file);
            List<Long> crashed = j.markCrashed();
            if (!crashed.isEmpty()) {
                err.println("journal " + file + ": session(s) " + crashed + " were still marked running but their process is gone: "
                        + "marked crashed");
            }
            long id = j.startSession(new Journal.SessionStart(name, null, MODE, ReportJson.mapper().writeValueAsString(config), seed,
                    System.currentTimeMillis()));
            err.println("journaling the updates as session " + id + " in " + file + " (./trellis journal updates --session " + id + ")");
            err.flush();
            return new HostTrainingJournal(file, j, id, name, err);
        } catch (RuntimeException | JsonProcessingException e) {
            if (j != null) {
                closeQuietly(j);
            }
            err.println("warning: cannot journal to " + file + " (" + e.getMessage() + "); training without a journal");
            err.flush();
            return NONE;
        }
    }

    @Override
    public void update(long step, Map<String, Double> metrics) {
        if (journal == null) {
            return;
        }
        try {
            Map<String, Double> finite = new LinkedHashMap<>();
            metrics.forEach((k, v) -> finite.put(k, v == null || !Double.isFinite(v) ? null : v));
            journal.modelUpdate(session, System.currentTimeMillis(), model, step, METRICS.writeValueAsString(finite));
            journal.commit();
        } catch (RuntimeException | JsonProcessingException e) {
            err.println("warning: journaling update " + step + " to " + file + " failed (" + e.getMessage()
                    + "); training goes on without a journal");
            err.flush();
            end("journal-failed"); // the session is no longer a full record; if this fails too, the next open marks it crashed
        }
    }

    @Override
    public void end(String status) {
        if (journal == null) {
            return;
        }
        Journal j = journal;
        journal = null;
        try {
            j.endSession(session, status, System.currentTimeMillis());
        } catch (RuntimeException e) {
            err.println("warning: ending journal session " + session + " in " + file + " failed (" + e.getMessage() + ")");
            err.flush();
        } finally {
            closeQuietly(j);
        }
    }

    private static void closeQuietly(Journal j) {
        try {
            j.close();
        } catch (RuntimeException ignored) {
            // releasing the file: nothing left to save
        }
    }
}
