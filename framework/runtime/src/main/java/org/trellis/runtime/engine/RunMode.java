package org.trellis.runtime.engine;

/**
 * How a run relates to time. The engine's code path is the same in every mode; only the clock,
 * the pacing of the data and (later) the executor differ.
 */
public interface RunMode {
    /** Backtest: bars as fast as the machine goes; the clock is the bar's time. */
    RunMode BACKTEST = new RunMode() {
        @Override
        public String name() {
            return "backtest";
        }

        @Override
        public void awaitBar(long barTimeMillis) {
        }

        @Override
        public long now(long barTimeMillis) {
            return barTimeMillis;
        }
    };

    String name();

    /** Called before each bar is processed: paper mode waits here until the bar is due. */
    void awaitBar(long barTimeMillis) throws InterruptedException;

    /** The time parts see through their {@link org.trellis.api.market.Clock} while processing a bar. */
    long now(long barTimeMillis);

    /** True when the run should stop at the next bar (e.g. after Ctrl-C). */
    default boolean stopRequested() {
        return false;
    }
}
