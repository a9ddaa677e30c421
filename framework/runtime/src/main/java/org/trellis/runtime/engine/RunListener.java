package org.trellis.runtime.engine;

import org.trellis.api.execution.Fill;
import org.trellis.api.risk.OrderIntent;

/**
 * Hears what happens during a run, as it happens: for live output, journals and status pages.
 * Called on the run's thread, only on events (fills, trades, vetoes), never per bar.
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    default void onFill(Fill fill) {
    }

    default void onTradeClosed(ClosedTrade trade) {
    }

    default void onVeto(OrderIntent intent, String guardReason) {
    }
}
