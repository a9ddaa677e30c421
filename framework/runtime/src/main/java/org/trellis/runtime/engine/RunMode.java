package org.trellis.runtime.engine;

/**
 * How a run relates to time. The engine's code path is the same in every mode; only the pacing of
 * the data, how far ahead features may be computed and (later) the feeds and executor differ. The
 * parts' clock is always the close of the bar being processed: in live trading that is the wall
 * clock; in a replay it is the replayed time, consistent with the fills' times.
 */
public interface RunMode {
    /** Backtest: bars as fast as the machine goes. */
    RunMode BACKTEST = new RunMode() {
        @Override
        public String name() {
            return "backtest";
        }

        @Override
        public void awaitBar(long barTimeMillis) {
        }

        @Override
        public int featureBlockBars() {
            return 1024;
        }

        @Override
        public boolean paced() {
            return false;
        }
    };

    String name();

    /** Called before each bar is processed: paper mode waits here until the bar is due. */
    void awaitBar(long barTimeMillis) throws InterruptedException;

    /**
     * How many bars' features may be computed at once, ahead of the bar being decided. Only a mode
     * whose bars are all known in advance (a backtest) may say more than 1; features of a bar never
     * read later bars either way, and strategies only ever see the current bar's row.
     */
    default int featureBlockBars() {
        return 1;
    }

    /**
     * Whether bars may have to wait and the run may be stopped from outside; when false the engine
     * never asks {@link #awaitBar} or {@link #stopRequested}.
     */
    default boolean paced() {
        return true;
    }

    /** True when the run should stop at the next bar (e.g. after Ctrl-C). */
    default boolean stopRequested() {
        return false;
    }
}
