package com.example.trellis;

import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;

/**
 * Buys when momentum rises above {@code threshold}, sells when it falls below {@code -threshold},
 * holds in between. It asks Trellis for the {@code momentum} feature set (from this same plugin) and
 * reads its column by name once, in {@link #bind}.
 */
public final class MomentumStrategy implements Strategy {
    private final int period;
    private final double threshold;
    private int column;

    public MomentumStrategy(int period, double threshold) {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("momentum-flip threshold must be >= 0, got " + threshold);
        }
        this.period = period;
        this.threshold = threshold;
    }

    @Override
    public List<FeatureRequest> requiredFeatures() {
        return List.of(FeatureRequest.of("momentum", Map.of("period", period)));
    }

    @Override
    public void bind(FeatureSchema schema) {
        column = schema.indexOf("momentum" + period);
    }

    @Override
    public void decide(StrategyContext context, Decision decision) {
        double m = context.features().get(column);
        if (m > threshold) {
            decision.set(Side.BUY, Double.NaN, Double.NaN).because("momentum-up");
        } else if (m < -threshold) {
            decision.set(Side.SELL, Double.NaN, Double.NaN).because("momentum-down");
        }
    }

    /** Found by Trellis through META-INF/services/org.trellis.api.plugin.StrategyFactory. */
    public static final class Factory implements StrategyFactory {
        @Override
        public String name() {
            return "momentum-flip";
        }

        @Override
        public String description() {
            return "long while momentum > threshold, flat once it is < -threshold";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("period", 10, "momentum look-back in bars"),
                    ParamSpec.number("threshold", 0.002, "momentum needed to act, as a fraction (0.002 = 0.2%)"));
        }

        @Override
        public Strategy create(Params params) {
            return new MomentumStrategy(params.getInt("period", 10), params.getDouble("threshold", 0.002));
        }
    }
}
