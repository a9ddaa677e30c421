package org.trellis.runtime.strategy;

import java.util.List;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.strategy.Strategy;

public final class SmaCrossFactory implements StrategyFactory {
    @Override
    public String name() {
        return "sma-cross";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "long when the fast SMA crosses above the slow SMA, out when it crosses below";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("fast", 10, "fast SMA period").atLeast(1),
                ParamSpec.integer("slow", 30, "slow SMA period").atLeast(2));
    }

    @Override
    public Strategy create(Params params) {
        return new SmaCross(params.getInt("fast", 10), params.getInt("slow", 30));
    }
}
