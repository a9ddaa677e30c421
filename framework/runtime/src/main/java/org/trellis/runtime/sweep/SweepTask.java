package org.trellis.runtime.sweep;

import java.io.Serializable;

/**
 * One backtest of a sweep: a grid point on the bars with {@code from <= time < to} (the whole data
 * when unbounded).
 *
 * @param id the task's place in its job; results come back in this order
 * @param window the walk-forward window it optimises, or -1 for a plain sweep
 */
public record SweepTask(int id, int window, GridPoint point, long from, long to) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A task per point, over all the data, numbered in the points' order. */
    public static java.util.List<SweepTask> whole(java.util.List<GridPoint> points) {
        java.util.List<SweepTask> tasks = new java.util.ArrayList<>();
        for (GridPoint p : points) {
            tasks.add(whole(tasks.size(), p));
        }
        return tasks;
    }

    /** A task over all the data. */
    public static SweepTask whole(int id, GridPoint point) {
        return new SweepTask(id, -1, point, Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
