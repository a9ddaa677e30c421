package org.trellis.ml.spi;

import java.util.Map;
import java.util.Objects;
import org.trellis.api.market.BarSeries;

/**
 * A strategy part to backtest alone (no guards, no extra feature sets) to see which trades it opens:
 * what a meta-labelling model learns from.
 *
 * @param strategy    the strategy part's name, e.g. {@code contrastive}
 * @param params      its parameters
 * @param bars        the bars to run it on
 * @param threshold   decisions with a probability below it are not acted on (as a script's {@code threshold})
 * @param feeBps      fee per fill in basis points
 * @param slippageBps slippage per fill in basis points
 */
public record StrategyReplay(String strategy, Map<String, Object> params, BarSeries bars, double threshold, double feeBps,
                             double slippageBps) {
    public StrategyReplay {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(bars, "bars");
        params = Map.copyOf(params);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be a probability in [0, 1], got " + threshold);
        }
        if (!(feeBps >= 0) || !(slippageBps >= 0)) {
            throw new IllegalArgumentException("fees and slippage must be >= 0 bps, got " + feeBps + " and " + slippageBps);
        }
    }
}
