package org.trellis.api.execution;

import org.trellis.api.market.Bar;
import org.trellis.api.market.Instrument;

/**
 * Turns approved orders into fills: simulated in backtest and paper mode, a venue in live mode.
 *
 * <p>The engine calls {@link #onBar} when a new bar of an instrument opens (before strategies see
 * its close), so orders resting since the previous bar can fill at this bar's prices; then, at the
 * bar's close, {@link #submit} for each new order. An executor may fill at submission (e.g. on the
 * signal bar's close) or on a later {@code onBar}.
 */
public interface Executor {

    /** Accept an order decided at the close of {@code signalBar}. */
    void submit(Order order, Bar signalBar, FillListener fills);

    /** A new bar of {@code instrument}: fill whatever is due. */
    void onBar(Instrument instrument, Bar bar, FillListener fills);

    /** True when an order of {@code instrument} has been accepted but not yet filled. */
    boolean hasPending(Instrument instrument);

    /**
     * Close out at the end of the data, when no later bar will come: fill {@code order} at the last
     * known price if the executor can (a simulator can; the default just submits it).
     */
    default void flatten(Order order, Bar lastBar, FillListener fills) {
        submit(order, lastBar, fills);
    }

    /** Drop unfilled orders (end of data, shutdown); returns how many were dropped. */
    int cancelAll();
}
