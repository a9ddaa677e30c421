package org.trellis.runtime.engine;

/**
 * Paper mode over recorded bars: each bar is released when its time comes on the wall clock,
 * optionally sped up ({@code speed} = 60 plays an hour of bars in a minute). Parts see the replayed
 * time on their clock (the close of the bar being processed), so that "time since entry" and the
 * like mean the same as in a backtest.
 */
public final class PaperReplay implements RunMode {
    private final double speed;
    private final java.time.Clock wall;
    private final Sleeper sleeper;
    private volatile boolean stop;
    private long firstBar = Long.MIN_VALUE;
    private long startedAt;

    /** Waits; tests substitute one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public PaperReplay(double speed, java.time.Clock wall) {
        this(speed, wall, Thread::sleep);
    }

    public PaperReplay(double speed, java.time.Clock wall, Sleeper sleeper) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be a positive number, got " + speed);
        }
        this.speed = speed;
        this.wall = wall;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public void awaitBar(long barTimeMillis) throws InterruptedException {
        long nowWall = wall.millis();
        if (firstBar == Long.MIN_VALUE) {
            firstBar = barTimeMillis;
            startedAt = nowWall;
            return;
        }
        long due = startedAt + (long) ((barTimeMillis - firstBar) / speed);
        while (!stop && nowWall < due) {
            sleeper.sleep(Math.min(200, due - nowWall));
            nowWall = wall.millis();
        }
    }

    /** Ask the run to stop before its next bar; safe from any thread (e.g. a shutdown hook). */
    public void requestStop() {
        stop = true;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }
}
