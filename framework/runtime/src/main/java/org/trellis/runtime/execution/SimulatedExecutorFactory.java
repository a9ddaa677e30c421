package org.trellis.runtime.execution;

import java.util.List;
import org.trellis.api.execution.Executor;
import org.trellis.api.plugin.ExecutorFactory;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;

public final class SimulatedExecutorFactory implements ExecutorFactory {
    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "fills market orders on bars with fees and slippage (backtest and paper)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("fee-bps", 10, "fee per fill in basis points of notional").atLeast(0),
                ParamSpec.number("slippage-bps", 5, "adverse price move per fill in basis points").atLeast(0),
                ParamSpec.string("fill", "next-open", "next-open or signal-close"));
    }

    @Override
    public Executor create(Params params) {
        return new SimulatedExecutor(params.getDouble("fee-bps", 10), params.getDouble("slippage-bps", 5),
                FillTiming.parse(params.getString("fill", "next-open")));
    }
}
