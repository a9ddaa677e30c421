package org.trellis.runtime.dsl;

import java.util.List;

/** What running a script recorded: the models it trains on first use, in order, and its strategy blocks. */
public record ScriptContents(List<TrainUse> trainings, List<StrategySpec> strategies) {
    public ScriptContents {
        trainings = List.copyOf(trainings);
        strategies = List.copyOf(strategies);
    }
}
