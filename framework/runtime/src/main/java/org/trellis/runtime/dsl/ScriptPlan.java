package org.trellis.runtime.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartKind;
import org.trellis.api.risk.RiskGuard;
import org.trellis.ml.spi.SimulatedMarket;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.Sizing;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * One strategy of a script, ready to run: its pipeline (model or rule, features, threshold,
 * sizing), its guards in order, its data and its own settings (capital, costs, fills). Every part
 * is resolved and every parameter checked here, before any data is read; errors name the script
 * line that asked for the part.
 */
public record ScriptPlan(String name, String where, Pipeline pipeline, List<RiskGuard> guards, List<String> guardNames,
                         List<String> data, EngineSettings settings, MarketPlan market) {

    /** The block's parameters as reports show them: the model or rule, and for a market block the market too. */
    public Params params() {
        if (market == null) {
            return pipeline.params();
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("market", market.market().name());
        market.params().asMap().forEach((k, v) -> {
            if (!"".equals(v)) { // an optional text left unset
                shown.put(k, v);
            }
        });
        shown.put("model", market.model());
        shown.putAll(market.modelParams().asMap());
        return Params.of(shown);
    }

    /** {@code defaults}: the configuration's settings, which the script's own override. */
    public static ScriptPlan of(StrategySpec spec, PartRegistry registry, EngineSettings defaults, String defaultData) {
        List<FeatureRequest> features = new ArrayList<>();
        for (PartUse f : spec.features) {
            Params p = params(registry, PartKind.FEATURE_SET, f);
            features.add(new FeatureRequest(f.name(), p));
        }
        MarketPlan market = market(spec, registry);
        Pipeline pipeline = market == null ? pipeline(spec, registry, features) : null;
        List<RiskGuard> guards = new ArrayList<>();
        List<String> guardNames = new ArrayList<>();
        for (PartUse g : spec.guards) {
            Params p = params(registry, PartKind.RISK_GUARD, g);
            guardNames.add(g.name() + (p.asMap().isEmpty() ? "" : " " + p));
            try {
                guards.add(registry.riskGuard(g.name(), p));
            } catch (RuntimeException e) {
                throw new ScriptException(g.where() + ": " + e.getMessage(), e);
            }
        }
        return new ScriptPlan(spec.name, spec.where, pipeline, List.copyOf(guards), List.copyOf(guardNames),
                market != null ? List.of() : spec.data.isEmpty() ? List.of(defaultData) : List.copyOf(spec.data),
                settings(spec, defaults), market);
    }

    /**
     * The block's simulated market, or null when it trades data: the market must exist, its parameters
     * must be its own, and the block's model must be one it trades; {@code data}, {@code features},
     * {@code rule}, {@code threshold}, {@code sizing}, {@code fill}, {@code slippage}, {@code allowShort} and
     * {@code maxLeverage} do not apply to it.
     */
    private static MarketPlan market(StrategySpec spec, PartRegistry registry) {
        if (spec.market == null) {
            return null;
        }
        PartUse m = spec.market;
        SimulatedMarket market;
        Params params;
        try {
            market = registry.market(m.name());
            params = PartRegistry.typedParams("market '" + m.name() + "'", market.params(), m.asParams());
        } catch (IllegalArgumentException e) {
            throw new ScriptException(m.where() + ": " + e.getMessage(), e);
        }
        for (String keyword : List.of("data", "features", "rule", "threshold", "sizing", "fill", "slippage", "allowShort",
                "maxLeverage")) {
            String at = switch (keyword) {
                case "slippage" -> spec.setAt.get("costs");
                case "rule" -> spec.rule == null ? null : spec.rule.where();
                default -> spec.setAt.get(keyword);
            };
            boolean used = switch (keyword) {
                case "data" -> !spec.data.isEmpty();
                case "features" -> !spec.features.isEmpty();
                case "rule" -> spec.rule != null;
                case "slippage" -> spec.slippageBps != null;
                default -> at != null;
            };
            if (used) {
                throw new ScriptException((at != null ? at : m.where()) + ": strategy '" + spec.name + "' trades market '" + m.name()
                        + "', which brings its own data, features, decisions and fills: '" + keyword + "' does not apply to it");
            }
        }
        if (spec.model == null || !market.models().contains(spec.model.name())) {
            throw new ScriptException((spec.model != null ? spec.model.where() : m.where()) + ": market '" + m.name()
                    + "' is traded by a model of " + market.models() + "; add e.g. model '" + market.models().get(0)
                    + "', path: 'models/...'");
        }
        return new MarketPlan(market, params, spec.model.name(), spec.model.asParams(), m.where(), spec.model.where());
    }

    /**
     * Checks every part name and parameter of the strategy block without creating any part: what can be
     * checked of a script whose parts open models that its first run has still to train.
     *
     * @return the data the strategy names
     */
    public static List<String> validate(StrategySpec spec, PartRegistry registry, String defaultData) {
        for (PartUse f : spec.features) {
            params(registry, PartKind.FEATURE_SET, f);
        }
        if (spec.market != null) {
            market(spec, registry);
        } else if (spec.model != null) {
            refuseMarketModel(spec, registry);
            params(registry, PartKind.STRATEGY, spec.model);
            registry.factory(PartKind.STRATEGY, spec.model.name());
        } else if (spec.rule == null) {
            throw new ScriptException(spec.where + ": strategy '" + spec.name + "' has neither a model nor a rule; add "
                    + "model 'sma-cross' (a strategy part by name) or rule { f -> ... }");
        }
        for (PartUse g : spec.guards) {
            params(registry, PartKind.RISK_GUARD, g);
        }
        if (spec.market != null) {
            return List.of();
        }
        return spec.data.isEmpty() ? List.of(defaultData) : List.copyOf(spec.data);
    }

    private static Pipeline pipeline(StrategySpec spec, PartRegistry registry, List<FeatureRequest> features) {
        double threshold = spec.threshold == null ? 0 : spec.threshold;
        Sizing sizing = spec.sizing == null ? Sizing.STRATEGY : spec.sizing;
        if (spec.model != null) {
            PartUse m = spec.model;
            refuseMarketModel(spec, registry);
            Params p = params(registry, PartKind.STRATEGY, m);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("model", m.name());
            shown.putAll(p.asMap());
            registry.factory(PartKind.STRATEGY, m.name()); // conflicts fail here, at the script's line
            return new Pipeline(spec.name, Params.of(shown), () -> registry.strategy(m.name(), p), features, threshold, sizing);
        }
        if (spec.rule != null) {
            StrategySpec.RuleUse r = spec.rule;
            return new Pipeline(spec.name, Params.of(Map.of("rule", r.where())),
                    () -> new RuleStrategy(r.function(), r.names(), r.where()), features, threshold, sizing);
        }
        throw new ScriptException(spec.where + ": strategy '" + spec.name + "' has neither a model nor a rule; add "
                + "model 'sma-cross' (a strategy part by name) or rule { f -> ... }");
    }

    /** A model that only a simulated market trades, in a block without a market: say which market to add. */
    private static void refuseMarketModel(StrategySpec spec, PartRegistry registry) {
        PartUse m = spec.model;
        if (registry.names(PartKind.STRATEGY).contains(m.name())) {
            return;
        }
        registry.marketTrading(m.name()).ifPresent(market -> {
            throw new ScriptException(m.where() + ": model '" + m.name() + "' trades a simulated market, not bars: add market '"
                    + market.name() + "' to strategy '" + spec.name + "'");
        });
    }

    /** The use's parameters checked against what the part declares; a lone value goes to the first parameter. */
    private static Params params(PartRegistry registry, PartKind kind, PartUse use) {
        try {
            Map<String, Object> given = new LinkedHashMap<>(use.params());
            if (use.positional() != null) {
                List<ParamSpec> declared = registry.factory(kind, use.name()).params();
                if (declared.isEmpty()) {
                    throw new IllegalArgumentException(kind.label() + " '" + use.name() + "' takes no parameters");
                }
                given.put(declared.get(0).name(), use.positional());
            }
            registry.effectiveParams(kind, use.name(), Params.of(given));
            return Params.of(given);
        } catch (RuntimeException e) {
            throw new ScriptException(use.where() + ": " + e.getMessage(), e);
        }
    }

    private static EngineSettings settings(StrategySpec spec, EngineSettings d) {
        FillTiming fill = d.fillTiming();
        if (spec.fill != null) {
            try {
                fill = FillTiming.parse(spec.fill);
            } catch (IllegalArgumentException e) {
                throw new ScriptException(spec.setAt.getOrDefault("fill", spec.where) + ": " + e.getMessage(), e);
            }
        }
        try {
            return new EngineSettings(
                    spec.capital != null ? spec.capital : d.capital(),
                    spec.feeBps != null ? spec.feeBps : d.feeBps(),
                    spec.slippageBps != null ? spec.slippageBps : d.slippageBps(),
                    fill,
                    spec.allowShort != null ? spec.allowShort : d.allowShort(),
                    d.defaultSize(),
                    spec.maxLeverage != null ? spec.maxLeverage : d.maxLeverage(),
                    d.closeAtEnd(),
                    d.seed());
        } catch (IllegalArgumentException e) {
            throw new ScriptException(spec.where + ": strategy '" + spec.name + "': " + e.getMessage(), e);
        }
    }
}
