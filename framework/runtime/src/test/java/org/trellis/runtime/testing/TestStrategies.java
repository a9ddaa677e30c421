package org.trellis.runtime.testing;

import java.util.function.Supplier;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.strategy.Strategy;

/** Strategy factories for tests: a name and a way to make the strategy, nothing else. */
public final class TestStrategies {
    private TestStrategies() {
    }

    public static StrategyFactory named(String name, Supplier<Strategy> make) {
        return new StrategyFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test strategy";
            }

            @Override
            public String apiVersion() {
                return ApiVersion.CURRENT;
            }

            @Override
            public Strategy create(Params params) {
                return make.get();
            }
        };
    }
}
