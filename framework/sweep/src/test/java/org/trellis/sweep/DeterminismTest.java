package org.trellis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.sweep.Grid;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepTable;
import org.trellis.runtime.sweep.SweepTask;

/** The same sweep on one core, on two, and again: byte-identical CSV. */
class DeterminismTest {
    private static final int BARS = 2_000;

    @TempDir
    Path plugins;

    @Test
    void resultsAreIdenticalOnOneCoreOnTwoAndAcrossReruns() {
        Grid grid = Grid.parse(List.of("fast=2:8:2", "slow=12:24:6"), "--grid");
        List<SweepTask> tasks = SweepTask.whole(grid.points());
        String one;
        try (SparkSweepRunner r = new SparkSweepRunner("local[1]")) {
            one = SweepTable.of(grid, r.run(Fixtures.job(BARS, plugins), SweepData.of(Fixtures.data(BARS)), tasks, (d, t) -> { }), false).csv();
        }
        String two;
        String again;
        try (SparkSweepRunner r = new SparkSweepRunner("local[2]")) {
            two = SweepTable.of(grid, r.run(Fixtures.job(BARS, plugins), SweepData.of(Fixtures.data(BARS)), tasks, (d, t) -> { }), false).csv();
            again = SweepTable.of(grid, r.run(Fixtures.job(BARS, plugins), SweepData.of(Fixtures.data(BARS)), tasks, (d, t) -> { }), false).csv();
        }
        assertEquals(13, one.lines().count(), one); // header + 4 x 3 combinations
        assertTrue(one.lines().skip(1).allMatch(l -> l.endsWith(",")), "no combination failed: " + one);
        assertEquals(one, two);
        assertEquals(one, again);
    }
}
