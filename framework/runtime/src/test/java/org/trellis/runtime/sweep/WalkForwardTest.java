package org.trellis.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    private static final long DAY = 86_400_000L;

    @Test
    void windowsTrainThenTestOnTheBarsThatFollowAndStayInsideTheData() {
        List<WalkForward.Window> w = WalkForward.windows(0, 20 * DAY + 1, 10 * DAY, 3 * DAY, 3 * DAY);
        assertEquals(3, w.size()); // tests end at 13, 16, 19 days; the next would end at 22 > 20
        for (WalkForward.Window x : w) {
            assertEquals(x.trainTo(), x.testFrom());
            assertEquals(10 * DAY, x.trainTo() - x.trainFrom());
            assertTrue(x.testTo() <= 20 * DAY + 1);
        }
        assertEquals(3 * DAY, w.get(1).trainFrom());
    }

    @Test
    void tasksOfAWindowCoverItsTrainingBarsOnly() {
        List<WalkForward.Window> w = WalkForward.windows(0, 30 * DAY, 10 * DAY, 5 * DAY, 5 * DAY);
        List<GridPoint> points = Grid.parse(List.of("fast=2,3", "slow=9"), "--grid").points();
        List<SweepTask> tasks = WalkForward.tasks(w, points);
        assertEquals(w.size() * points.size(), tasks.size());
        for (SweepTask t : tasks) {
            WalkForward.Window x = w.get(t.window());
            assertEquals(x.trainFrom(), t.from());
            assertEquals(x.trainTo(), t.to());
            assertTrue(t.to() <= x.testFrom());
        }
    }

    @Test
    void overlappingTestsAndTooLittleDataAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WalkForward.windows(0, 30 * DAY, 10 * DAY, 5 * DAY, DAY))
                .getMessage().contains("--step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WalkForward.windows(0, 30 * DAY, 10 * DAY, 5 * DAY, 7 * DAY))
                .getMessage().contains("idle time"), "gaps between test windows are refused");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WalkForward.windows(0, 12 * DAY, 10 * DAY, 5 * DAY, 5 * DAY))
                .getMessage().contains("no walk-forward window fits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WalkForward.duration("7x", "--test")).getMessage()
                .startsWith("--test 7x"));
    }

    @Test
    void theBestIsByTheObjectiveThenTheLowerGridIndexAndSkipsFailures() {
        List<GridPoint> p = Grid.parse(List.of("a=1,2,3"), "--grid").points();
        List<SweepRow> rows = List.of(
                row(0, p.get(0), 1.0), row(1, p.get(1), 2.0), new SweepRow(new SweepTask(2, 0, p.get(2), 0, 1), 0, null, "boom"),
                row(3, p.get(0), 0.5), row(4, p.get(1), 0.5));
        List<SweepRow> best = WalkForward.best(rows.stream().map(r -> r.task().id() >= 3 ? window1(r) : r).toList(), 2, Metric.SHARPE);
        assertEquals(p.get(1), best.get(0).point());
        assertEquals(p.get(0), best.get(1).point());
    }

    @Test
    void aWindowWhoseObjectiveIsUndefinedEverywhereIsNamedNotSilentlyGivenItsFirstPoint() {
        List<GridPoint> p = Grid.parse(List.of("a=1,2"), "--grid").points();
        List<SweepRow> rows = List.of(row(0, p.get(0), Double.NaN), row(1, p.get(1), Double.NaN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WalkForward.best(rows, 1, Metric.SHARPE)).getMessage()
                .contains("walk-forward window 0: sharpe is undefined for every combination"));
        List<SweepRow> one = List.of(row(0, p.get(0), Double.NaN), row(1, p.get(1), -3));
        assertEquals(p.get(1), WalkForward.best(one, 1, Metric.SHARPE).get(0).point(), "a defined figure beats an undefined one");
    }

    @Test
    void aCombinationsSeedDoesNotDependOnTheOrderOfTheGridFlags() {
        GridPoint ab = Grid.parse(List.of("a=1", "b=2"), "--grid").points().get(0);
        GridPoint ba = Grid.parse(List.of("b=2", "a=1"), "--grid").points().get(0);
        assertEquals(ab.seed(42), ba.seed(42));
        assertTrue(ab.seed(42) != Grid.parse(List.of("a=1", "b=3"), "--grid").points().get(0).seed(42));
    }

    private static SweepRow window1(SweepRow r) {
        SweepTask t = r.task();
        return new SweepRow(new SweepTask(t.id(), 1, t.point(), t.from(), t.to()), r.seed(), r.metrics(), r.error());
    }

    private static SweepRow row(int id, GridPoint p, double sharpe) {
        double[] m = new double[Metric.values().length];
        m[Metric.SHARPE.ordinal()] = sharpe;
        return new SweepRow(new SweepTask(id, 0, p, 0, 1), 0, m, null);
    }
}
