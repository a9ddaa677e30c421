package org.trellis.runtime.cli;

import java.util.List;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;

/**
 * A strategy that sees every bar (so its state and windows fill) but acts only on bars at or after
 * a time: a backtest over held-out bars with the history before them as warm-up.
 */
final class TradesFrom implements Strategy {
    private final Strategy strategy;
    private final long fromMillis;

    TradesFrom(Strategy strategy, long fromMillis) {
        this.strategy = strategy;
        this.fromMillis = fromMillis;
    }

    @Override
    public List<FeatureRequest> requiredFeatures() {
        return strategy.requiredFeatures();
    }

    @Override
    public void bind(FeatureSchema schema) {
        strategy.bind(schema);
    }

    @Override
    public void decide(StrategyContext context, Decision decision) {
        strategy.decide(context, decision);
        if (context.bar().time() < fromMillis) {
            decision.reset();
        }
    }

    @Override
    public void reset() {
        strategy.reset();
    }
}
