package org.trellis.api.plugin;

import org.trellis.api.strategy.Strategy;

/** SPI: contributes a {@link Strategy} under a name. */
public interface StrategyFactory extends PartFactory<Strategy> {
    @Override
    default PartKind kind() {
        return PartKind.STRATEGY;
    }
}
