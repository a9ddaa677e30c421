package org.trellis.runtime.dsl;

import java.util.List;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.report.Times;

/** A script's rule as a Strategy: one per instrument, each with its own view of the features. */
final class RuleStrategy implements Strategy {
    /** Reason code of the orders a rule's decisions send. */
    static final String REASON = "rule";
    private final RuleFunction rule;
    private final Features features;
    private final String where;

    RuleStrategy(RuleFunction rule, List<String> names, String where) {
        this.rule = rule;
        this.features = new Features(names);
        this.where = where;
    }

    @Override
    public void bind(FeatureSchema schema) {
        features.bind(schema, where);
    }

    @Override
    public void decide(StrategyContext context, Decision decision) {
        features.at(context);
        Side side;
        try {
            side = rule.decide(features);
        } catch (RuntimeException e) {
            throw new ScriptException(where + ": the rule failed on the bar of " + Times.iso(context.bar().time()) + " ("
                    + context.instrument() + "): " + e, e);
        }
        if (side == Side.BUY || side == Side.SELL) {
            decision.set(side, Double.NaN, Double.NaN).because(REASON);
        }
    }
}
