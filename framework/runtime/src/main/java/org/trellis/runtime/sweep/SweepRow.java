package org.trellis.runtime.sweep;

import java.io.Serializable;

/**
 * What one task produced: the figures of its backtest ({@link Metric} order), or the error that
 * stopped it (then {@code metrics} is null).
 */
public record SweepRow(SweepTask task, long seed, double[] metrics, String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean failed() {
        return error != null;
    }

    public double metric(Metric m) {
        return metrics == null ? Double.NaN : metrics[m.ordinal()];
    }

    public GridPoint point() {
        return task.point();
    }
}
