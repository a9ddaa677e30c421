package org.trellis.runtime.engine;

import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.OrderIntent;

/**
 * Hears what happens during a run, as it happens: for live output, journals and status pages.
 * Called on the run's thread, on events (orders, fills, trades, vetoes); per bar only when
 * {@link #wantsBars()} says so.
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    /**
     * An order handed to the executor. {@code probability} is the deciding decision's (NaN for
     * forced closes and decisions without one); {@code market} the instrument's close and features at
     * that bar.
     */
    default void onOrder(Order order, double probability, MarketState market) {
    }

    default void onFill(Fill fill) {
    }

    default void onTradeClosed(ClosedTrade trade) {
    }

    default void onVeto(OrderIntent intent, String guardReason) {
    }

    /** The end of a bar (time = the bar's time, as on the equity curve), with the equity and portfolio after it. */
    default void onBarClosed(long time, double equity, PortfolioView portfolio) {
    }

    /** The run's guards, once before its first bar (a journal records their state). */
    default void onGuards(java.util.List<org.trellis.api.risk.RiskGuard> guards) {
    }

    /** A guard's health transition (stale data, a recovered feed, an unhealthy system). */
    default void onHealth(HealthEvent event) {
    }

    /** Whether {@link #onBarClosed} should be called: a per-bar call, so only for those who need it. */
    default boolean wantsBars() {
        return false;
    }

    /** Both listeners, {@code first} then {@code second}, for every event. */
    static RunListener both(RunListener first, RunListener second) {
        return new RunListener() {
            @Override
            public void onOrder(Order order, double probability, MarketState market) {
                first.onOrder(order, probability, market);
                second.onOrder(order, probability, market);
            }

            @Override
            public void onFill(Fill fill) {
                first.onFill(fill);
                second.onFill(fill);
            }

            @Override
            public void onTradeClosed(ClosedTrade trade) {
                first.onTradeClosed(trade);
                second.onTradeClosed(trade);
            }

            @Override
            public void onVeto(OrderIntent intent, String guardReason) {
                first.onVeto(intent, guardReason);
                second.onVeto(intent, guardReason);
            }

            @Override
            public void onBarClosed(long time, double equity, PortfolioView portfolio) {
                if (first.wantsBars()) {
                    first.onBarClosed(time, equity, portfolio);
                }
                if (second.wantsBars()) {
                    second.onBarClosed(time, equity, portfolio);
                }
            }

            @Override
            public void onHealth(HealthEvent event) {
                first.onHealth(event);
                second.onHealth(event);
            }

            @Override
            public void onGuards(java.util.List<org.trellis.api.risk.RiskGuard> guards) {
                first.onGuards(guards);
                second.onGuards(guards);
            }

            @Override
            public boolean wantsBars() {
                return first.wantsBars() || second.wantsBars();
            }
        };
    }
}
