package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune FAMILY ... --spark-master URL}: the host's flag, taken out of the family's arguments wherever it stands. */
class TuneSparkMasterTest {
    @Test
    void theFlagIsTakenOutInBothSpellings() {
        List<String> args = new ArrayList<>(List.of("--trials", "3", "--spark-master", "local[2]", "--seed", "4"));
        assertEquals("local[2]", TuneCommand.sparkMaster(args));
        assertEquals(List.of("--trials", "3", "--seed", "4"), args);

        List<String> joined = new ArrayList<>(List.of("--spark-master=spark://h:7077", "--trials", "3"));
        assertEquals("spark://h:7077", TuneCommand.sparkMaster(joined));
        assertEquals(List.of("--trials", "3"), joined);

        List<String> none = new ArrayList<>(List.of("--trials", "3"));
        assertNull(TuneCommand.sparkMaster(none));
        assertEquals(List.of("--trials", "3"), none);
    }

    @Test
    void aMissingValueIsRefusedNamingTheFlag() {
        for (List<String> bad : List.of(List.of("--spark-master"), List.of("--spark-master", "--trials", "3"), List.of("--spark-master="))) {
            var e = assertThrows(IllegalArgumentException.class, () -> TuneCommand.sparkMaster(new ArrayList<>(bad)));
            assertTrue(e.getMessage().startsWith("--spark-master needs a value"), e.getMessage());
        }
    }

    @Test
    void aSearchThatRunsNoTrialsThroughTheHostSaysTheFlagWasNotUsed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("args.txt");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"tune", "recording", "--out", out.toString(), "--spark-master", "local[2]", "--x", "1"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertEquals("--x 1", Files.readString(out), "the family never sees the host's flag");
        assertTrue(err.toString().contains("warning: --spark-master local[2] was not used: recording's search runs its trials itself"),
                err.toString());
    }
}
