package org.trellis.api.risk;

import org.trellis.api.execution.Fill;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.strategy.StrategyContext;

/**
 * Sees every intended order and the portfolio, and may allow, resize or veto it; at each bar it may
 * force-close the position. Guards compose in order: the first veto wins, resizes chain. Regime
 * filters and meta-label auditors are guards that veto entries.
 *
 * <p>Give every veto and force-close a stable reason code (e.g. {@code max-drawdown}): reports and
 * the journal group by it.
 */
public interface RiskGuard {

    /** Judge an intended order. The default allows everything. */
    default void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
    }

    /** Called at every closed bar of every instrument, before the strategy decides. */
    default void onBar(StrategyContext context, ForceClose forceClose) {
    }

    /** Called after every fill the guard's strategy receives. */
    default void onFill(Fill fill, PortfolioView portfolio) {
    }

    /**
     * An order the venue refused or could not fill (a live venue's rejection; a simulated venue's
     * failure), at {@code time} (epoch ms): guards that stop trading on failures count it. The default
     * ignores it. (Added in API 0.3.)
     */
    default void onOrderFailed(org.trellis.api.execution.Order order, String reason, long time) {
    }

    /**
     * A call to the venue or a data feed that failed (a timeout, an error reply), at {@code time} (epoch
     * ms), e.g. {@code call} = {@code "book BTC-UP-15m"}: guards that stop trading on error rates count it.
     * The default ignores it. (Added in API 0.3.)
     */
    default void onApiError(String call, String message, long time) {
    }

    /** The guard's name in journals and on the status page (its plugin name, ideally). */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * What the guard holds now (a tripped breaker, a loss streak, cooldowns), as simple values
     * (numbers, strings, booleans, lists and maps of them): journaled with each checkpoint and shown
     * on the status page. Empty for guards without state.
     */
    default java.util.Map<String, Object> state() {
        return java.util.Map.of();
    }

    /**
     * Called once before a run, after {@link #reset()}, with the column layout of the feature vectors
     * its bars carry ({@link StrategyContext#features()} in {@link #onBar}), the same schema the
     * run's strategies are bound to. A guard that reads features by name (a meta-label auditor)
     * looks their columns up here, once, and throws {@link IllegalArgumentException} naming a missing
     * feature and the ones that exist. The default ignores it. (Added in API 0.2.)
     */
    default void bind(org.trellis.api.feature.FeatureSchema schema) {
    }

    /** Called once before a run: where to report health transitions (see {@link HealthEvent}). */
    default void attach(HealthReporter health) {
    }

    /** Called once before a run: the strategy's kill switch, for guards that may trip it. */
    default void attach(KillSwitch killSwitch) {
    }

    default void reset() {
    }
}
