package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.ml.spi.TrainingJournal;
import org.trellis.runtime.journal.Journal;
import org.trellis.runtime.testing.Cli.Outcome;

/** A training run's journal session: its updates are written, read back and printed by {@code trellis journal updates}. */
class TrainingJournalTest {
    private static Map<String, Double> metrics(double policyLoss, double winRate) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("policy_loss", policyLoss);
        m.put("trades", 3.0);
        m.put("win_rate", winRate);
        return m;
    }

    @Test
    void aTrainingSessionWithItsUpdatesIsWrittenAndPrinted(@TempDir Path dir) {
        Path file = dir.resolve("j.db");
        StringWriter err = new StringWriter();
        TrainingJournal journal = HostTrainingJournal.start(file, "ppo", 7, Map.of("updates", 2), new PrintWriter(err, true));
        journal.update(1, metrics(-0.0125, Double.NaN));
        journal.update(2, metrics(0.5, 0.25));
        journal.end("finished");
        journal.update(3, metrics(1, 1)); // after the end: nothing
        assertTrue(err.toString().contains("journaling the updates as session 1 in " + file), err.toString());

        long id;
        try (Journal j = Journal.open(file)) {
            Journal.SessionRow s = j.sessions().get(0);
            id = s.id();
            assertEquals(List.of("ppo", "train", "finished", 7L), List.of(s.name(), s.mode(), s.status(), s.seed()));
            List<Journal.ModelUpdateRow> updates = j.modelUpdates(id);
            assertEquals(List.of(1L, 2L), updates.stream().map(Journal.ModelUpdateRow::step).toList());
            assertEquals("{\"policy_loss\":-0.0125,\"trades\":3.0,\"win_rate\":null}", updates.get(0).metrics());
            assertEquals("ppo", updates.get(1).model());
            assertEquals(List.of(), j.modelUpdates(id + 1));
        }

        Outcome table = trellis("journal", "updates", "--journal", file.toString(), "--session", String.valueOf(id));
        assertEquals(0, table.code(), table.err());
        List<String> lines = table.out().lines().toList();
        assertEquals(3, lines.size(), table.out());
        assertTrue(lines.get(0).matches("SESSION +TIME +MODEL +STEP +POLICY_LOSS +TRADES +WIN_RATE"), lines.get(0));
        assertTrue(lines.get(1).matches("1 +\\S+ +ppo +1 +-0\\.0125 +3"), lines.get(1));
        assertTrue(lines.get(2).matches("1 +\\S+ +ppo +2 +0\\.5 +3 +0\\.25"), lines.get(2));

        Outcome csv = trellis("journal", "updates", "--journal", file.toString(), "--csv");
        assertEquals(0, csv.code(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertEquals("session,time,model,step,policy_loss,trades,win_rate", rows.get(0));
        assertTrue(rows.get(1).startsWith("1,") && rows.get(1).endsWith(",ppo,1,-0.0125,3,"), rows.get(1));

        Outcome sessions = trellis("journal", "sessions", "--journal", file.toString());
        assertTrue(sessions.out().lines().anyMatch(l -> l.matches("1 +ppo +train +finished +7 .*")), sessions.out());
    }

    @Test
    void aJournalThatCannotBeOpenedIsReportedAndTrainingGoesOn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-journal.db"), "this is not an SQLite file, and long enough to be read as one");
        StringWriter err = new StringWriter();
        TrainingJournal journal = HostTrainingJournal.start(file, "ppo", 7, Map.of(), new PrintWriter(err, true));
        assertSame(TrainingJournal.NONE, journal);
        assertTrue(err.toString().contains("warning: cannot journal to " + file) && err.toString().contains("training without a journal"),
                err.toString());
        journal.update(1, metrics(0, 0));
        journal.end("finished");
    }
}
