package org.trellis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.sweep.Grid;
import org.trellis.runtime.sweep.GridPoint;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepJob;
import org.trellis.runtime.sweep.SweepRow;
import org.trellis.runtime.sweep.SweepTable;
import org.trellis.runtime.sweep.SweepTask;

/** Sweeps on an embedded local[2] Spark (one session for the class: starting Spark takes seconds). */
class SparkSweepTest extends LocalSpark {
    private static final int BARS = 3_000;

    /** fast=30 fails with both slow values: sma-cross needs fast < slow. */
    private static final Grid GRID = Grid.parse(List.of("fast=3,5,8,30", "slow=20,30"), "--grid");

    private static List<SweepTask> tasks() {
        return SweepTask.whole(GRID.points());
    }

    @Test
    void aSweepEqualsRunningEachCombinationOneAfterAnotherInProcess() {
        List<ColumnarBarSeries> data = Fixtures.data(BARS);
        List<SweepRow> rows = runner.run(Fixtures.job(BARS, plugins), SweepData.of(data), tasks(), (d, t) -> { });
        assertEquals(GRID.points().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SweepRow row = rows.get(i);
            GridPoint p = GRID.points().get(i);
            assertEquals(p, row.point(), "rows come back in grid order");
            if (p.values().get("fast").equals(30)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixtures.sequential(BARS, p, plugins, data));
                assertEquals(e.getMessage(), row.error(), p.label());
            } else {
                assertNull(row.error(), p.label());
                assertArrayEquals(Fixtures.sequential(BARS, p, plugins, data), row.metrics(), 0.0, p.label());
            }
        }
    }

    @Test
    void aFailingCombinationReportsItsErrorAndTheOthersFinish() {
        List<SweepRow> rows = runner.run(Fixtures.job(BARS, plugins), SweepData.of(Fixtures.data(BARS)), tasks(), (d, t) -> { });
        List<SweepRow> failed = rows.stream().filter(SweepRow::failed).toList();
        assertEquals(List.of("fast=30 slow=20", "fast=30 slow=30"), failed.stream().map(r -> r.point().label()).toList());
        failed.forEach(r -> assertTrue(r.error().contains("needs fast < slow"), r.error()));
        List<SweepRow> done = rows.stream().filter(r -> !r.failed()).toList();
        assertEquals(6, done.size());
        done.forEach(r -> assertTrue(r.metric(Metric.TRADES) > 0, r.point().label()));
    }

    @Test
    void theProgressBarCountsEveryFinishedTask() {
        List<long[]> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        runner.run(Fixtures.job(BARS, plugins), SweepData.of(Fixtures.data(BARS)), tasks(), (d, t) -> calls.add(new long[] {d, t}));
        long[] last = calls.get(calls.size() - 1);
        assertEquals(GRID.points().size(), last[0]);
        assertEquals(GRID.points().size(), last[1]);
        assertTrue(calls.size() >= GRID.points().size(), "one call per finished task, then the end: " + calls.size());
    }

    @Test
    void parquetHoldsTheSameTableAsTheCsv(@TempDir Path out) {
        SweepJob job = Fixtures.job(BARS, plugins);
        SweepTable table = SweepTable.of(GRID, runner.run(job, SweepData.of(Fixtures.data(BARS)), tasks(), (d, t) -> { }), false);
        Path dir = out.resolve("results.parquet");
        runner.writeParquet(table, dir);
        List<Row> back = runner.session().read().parquet(dir.toString()).orderBy("index").collectAsList();
        assertEquals(table.rows().size(), back.size());
        assertEquals(table.columns(), List.of(back.get(0).schema().fieldNames()));
        for (int i = 0; i < back.size(); i++) {
            for (int c = 0; c < table.columns().size(); c++) {
                assertEquals(table.rows().get(i).get(c), back.get(i).get(c), table.columns().get(c) + " of row " + i);
            }
        }
    }
}
