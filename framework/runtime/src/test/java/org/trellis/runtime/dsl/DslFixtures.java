package org.trellis.runtime.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/** Parts and helpers the DSL tests share: a registry with a probability-reporting strategy and a veto guard. */
final class DslFixtures {
    private DslFixtures() {
    }

    /**
     * Strategy "prob": BUY on every bar whose index is a multiple of {@code every} (probability
     * {@code buy-p}), SELL {@code every/2} bars later (probability {@code sell-p}).
     */
    static final class Prob implements StrategyFactory {
        @Override
        public String name() {
            return "prob";
        }

        @Override
        public String description() {
            return "test strategy with probabilities";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.number("buy-p", 0.9, "p of buys").between(0, 1),
                    ParamSpec.number("sell-p", 0.9, "p of sells").between(0, 1), ParamSpec.integer("every", 10, "bars").atLeast(2));
        }

        @Override
        public Strategy create(Params p) {
            double buy = p.getDouble("buy-p", 0.9);
            double sell = p.getDouble("sell-p", 0.9);
            int every = p.getInt("every", 10);
            return (context, decision) -> {
                int i = context.barIndex();
                if (i % every == 0) {
                    decision.set(Side.BUY, buy, Double.NaN).because("prob-buy");
                } else if (i % every == every / 2) {
                    decision.set(Side.SELL, sell, Double.NaN).because("prob-sell");
                }
            };
        }
    }

    /** Guard "veto-entries": vetoes every entry after the first {@code allow} (reason veto-entries). */
    static final class VetoEntries implements RiskGuardFactory {
        @Override
        public String name() {
            return "veto-entries";
        }

        @Override
        public String description() {
            return "test guard";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("allow", 0, "entries let through").atLeast(0));
        }

        @Override
        public RiskGuard create(Params p) {
            int allow = p.getInt("allow", 0);
            return new RiskGuard() {
                private int seen;

                @Override
                public void review(org.trellis.api.risk.OrderIntent intent, org.trellis.api.portfolio.PortfolioView portfolio,
                                   org.trellis.api.risk.Verdict verdict) {
                    if (intent.isEntry() && seen++ >= allow) {
                        verdict.veto("veto-entries");
                    }
                }

                @Override
                public void reset() {
                    seen = 0;
                }
            };
        }
    }

    static PartRegistry registry() {
        PartRegistry r = PartRegistry.discover();
        r.register(new Prob());
        r.register(new VetoEntries());
        return r;
    }

    static Path script(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static List<ScriptPlan> plans(PartRegistry registry, Path script) {
        List<ScriptPlan> out = new ArrayList<>();
        for (StrategySpec s : new ScriptHost(registry, false).evaluate(script)) {
            out.add(ScriptPlan.of(s, registry, EngineSettings.defaults(), "btc-usd-1h"));
        }
        return out;
    }

    static RunResult backtest(PartRegistry registry, ScriptPlan plan) {
        return new BacktestEngine(registry, plan.settings()).run(plan.pipeline(),
                plan.data().stream().map(BundledData::bars).toList(), plan.guards(), ProgressListener.NONE, RunMode.BACKTEST,
                RunListener.NONE);
    }
}
