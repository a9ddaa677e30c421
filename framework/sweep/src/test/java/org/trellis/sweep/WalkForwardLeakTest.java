package org.trellis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.sweep.Grid;
import org.trellis.runtime.sweep.GridPoint;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepJob;
import org.trellis.runtime.sweep.SweepRow;
import org.trellis.runtime.sweep.WalkForward;

/**
 * A window's optimisation never sees its test window: changing every bar from a window's test start
 * on leaves that window's (and every earlier window's) chosen parameters as they were, while its
 * out-of-sample result does change.
 */
class WalkForwardLeakTest extends LocalSpark {
    private static final int BARS = 24 * 40; // 40 days of hourly bars
    private static final long DAY = 86_400_000L;
    private static final Grid GRID = Grid.parse(List.of("fast=3,5,8", "slow=12,20,30"), "--grid");

    private static List<GridPoint> chosen(SweepJob job, SweepData data, List<WalkForward.Window> windows) {
        List<SweepRow> rows = runner.run(job, data, WalkForward.tasks(windows, GRID.points()), (d, t) -> { });
        return WalkForward.best(rows, windows.size(), Metric.TOTAL_RETURN).stream().map(SweepRow::point).toList();
    }

    /** Every bar at or after {@code from} scaled by its own random factor (a different future). */
    private static List<ColumnarBarSeries> perturbedFrom(List<ColumnarBarSeries> data, long from) {
        ColumnarBarSeries s = data.get(0);
        SplittableRandom random = new SplittableRandom(99);
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(s.instrument(), s.source());
        double level = 1;
        for (int i = 0; i < s.size(); i++) {
            double f = 1;
            if (s.time(i) >= from) {
                level *= Math.exp(random.nextGaussian() * 0.01);
                f = level;
            }
            b.add(s.time(i), s.open(i) * f, s.high(i) * f, s.low(i) * f, s.close(i) * f, s.volume(i));
        }
        return List.of(b.build());
    }

    @Test
    void perturbingATestWindowNeverChangesWhatItsOptimisationChose() {
        List<ColumnarBarSeries> data = Fixtures.data(BARS);
        SweepJob job = Fixtures.job(BARS, plugins);
        SweepData original = SweepData.of(data);
        long[] span = original.span();
        List<WalkForward.Window> windows = WalkForward.windows(span[0], span[1], 10 * DAY, 5 * DAY, 5 * DAY);
        assertEquals(5, windows.size());
        List<GridPoint> baseline = chosen(job, original, windows);
        boolean someChoiceMoved = false;
        for (int k : new int[] {0, 2, windows.size() - 1}) {
            WalkForward.Window w = windows.get(k);
            SweepData changed = SweepData.of(perturbedFrom(data, w.testFrom()));
            List<GridPoint> after = chosen(job, changed, windows);
            assertEquals(baseline.subList(0, k + 1), after.subList(0, k + 1), "windows up to " + k + " chose the same");
            someChoiceMoved |= !baseline.equals(after);
            GridPoint p = baseline.get(k);
            double before = job.backtest(p, original.window(w.testFrom(), w.testTo()), plugins).equity().last();
            double now = job.backtest(p, changed.window(w.testFrom(), w.testTo()), plugins).equity().last();
            assertNotEquals(before, now, "the perturbation reached window " + k + "'s test bars");
        }
        // the check can fail: later windows, whose training does include the changed bars, do move
        assertTrue(someChoiceMoved, "no later window's choice moved either; the perturbation is too weak to show anything");
    }
}
