package org.trellis.runtime.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.strategy.Side;
import org.trellis.runtime.engine.Sizing;

/**
 * One {@code strategy('name') { ... }} block of a script, as written: what the keywords said, each
 * with where it was said. {@link ScriptPlan} turns it into a runnable strategy.
 */
public final class StrategySpec {
    final String name;
    final String file;
    final String where;
    final List<String> data = new ArrayList<>();
    final List<PartUse> features = new ArrayList<>();
    final List<PartUse> guards = new ArrayList<>();
    PartUse model;
    PartUse market;
    RuleUse rule;
    String modelWhere;
    Double threshold;
    Sizing sizing;
    Double feeBps;
    Double slippageBps;
    Double capital;
    String fill;
    Boolean allowShort;
    Double maxLeverage;
    final Map<String, String> setAt = new LinkedHashMap<>();

    /** A rule and the feature names it reads (numbered by the compiler). */
    record RuleUse(RuleFunction function, List<String> names, String where) {
    }

    StrategySpec(String name, String file, String where) {
        this.name = name;
        this.file = file;
        this.where = where;
    }

    public String name() {
        return name;
    }

    private String here() {
        return ScriptLines.caller(file);
    }

    /** Records where a single-valued keyword was set; setting it twice is an error. */
    private void once(String keyword) {
        String earlier = setAt.putIfAbsent(keyword, here());
        if (earlier != null) {
            throw new ScriptException(here() + ": '" + keyword + "' is given twice in strategy '" + name + "' (first at "
                    + earlier + ")");
        }
    }

    /** The market data: bundled dataset names, CSV paths or synthetic[:...]; several for several instruments. */
    @Keyword
    public void data(String... specs) {
        if (specs.length == 0) {
            throw new ScriptException(here() + ": data needs a dataset name or a CSV path");
        }
        setAt.putIfAbsent("data", here());
        data.addAll(List.of(specs));
    }

    /**
     * A market a plugin simulates, traded instead of {@code data}: {@code market 'binary-15m', assets:
     * 'btc,eth'} (the block's model must be one the market trades).
     */
    @Keyword
    public void market(Map<String, ?> params, String name) {
        once("market");
        market = new PartUse("market", name, asMap(params), null, here());
    }

    @Keyword
    public void market(String name) {
        market(Map.of(), name);
    }

    /** A feature set by name, for rules and models: {@code features 'rsi', period: 14}. */
    @Keyword
    public void features(Map<String, ?> params, String name) {
        setAt.putIfAbsent("features", here());
        features.add(new PartUse("features", name, asMap(params), null, here()));
    }

    @Keyword
    public void features(String name) {
        features(Map.of(), name);
    }

    /** The strategy part that decides: {@code model 'sma-cross', fast: 10, slow: 30}. */
    @Keyword
    public void model(Map<String, ?> params, String name) {
        decider("model");
        model = new PartUse("model", name, asMap(params), null, here());
    }

    @Keyword
    public void model(String name) {
        model(Map.of(), name);
    }

    /** A rule written here: {@code rule { f -> f.rsi14 < 30 ? BUY : HOLD }}. */
    @Keyword
    public void rule(RuleFunction function) {
        rule(List.of(), 0, function);
    }

    /** The form the compiler writes: the names the rule reads, in the order of their slots. */
    @Keyword
    public void rule(List<String> names, int line, RuleFunction function) {
        decider("rule");
        rule = new RuleUse(function, List.copyOf(names), line > 0 ? file + ":" + line : here());
    }

    private void decider(String keyword) {
        if (model != null || rule != null) {
            throw new ScriptException(here() + ": strategy '" + name + "' has a " + (model != null ? "model" : "rule")
                    + " already; a strategy has one model or one rule (use two strategy blocks to run both)");
        }
        modelWhere = here();
    }

    /** Minimum probability a decision needs to be acted on (decisions without one pass). */
    @Keyword
    public void threshold(Number p) {
        once("threshold");
        double v = p.doubleValue();
        if (!(v >= 0 && v <= 1)) {
            throw new ScriptException(here() + ": threshold is a probability in [0, 1], got " + p);
        }
        threshold = v;
    }

    @Keyword
    public void sizing(Sizing s) {
        once("sizing");
        sizing = s;
    }

    /** Size by confidence: {@code 0.25 + 0.75 * |p - 0.5| * 2} of equity. */
    @Keyword
    public Sizing confidence() {
        return Sizing.confidence(0.25);
    }

    /** Size by confidence with another floor: {@code floor + (1 - floor) * |p - 0.5| * 2}. */
    @Keyword
    public Sizing confidence(Number floor) {
        try {
            return Sizing.confidence(floor.doubleValue());
        } catch (IllegalArgumentException e) {
            throw new ScriptException(here() + ": " + e.getMessage());
        }
    }

    /** Always the same fraction of equity. */
    @Keyword
    public Sizing fixed(Number fraction) {
        try {
            return Sizing.fixed(fraction.doubleValue());
        } catch (IllegalArgumentException e) {
            throw new ScriptException(here() + ": " + e.getMessage());
        }
    }

    /** A regime filter (a risk guard that vetoes entries in some regimes): {@code regime 'hmm', states: 3}. */
    @Keyword
    public void regime(Map<String, ?> params, String name) {
        guards.add(new PartUse("regime", name, asMap(params), null, here()));
    }

    @Keyword
    public void regime(String name) {
        regime(Map.of(), name);
    }

    /** A meta-label auditor (a risk guard that approves or vetoes entries): {@code auditor 'xgboost', approve: 0.6}. */
    @Keyword
    public void auditor(Map<String, ?> params, String name) {
        guards.add(new PartUse("auditor", name, asMap(params), null, here()));
    }

    @Keyword
    public void auditor(String name) {
        auditor(Map.of(), name);
    }

    /** A risk guard by name: {@code guard 'stop-loss', pct: 0.02}. Guards apply in the order written. */
    @Keyword
    public void guard(Map<String, ?> params, String name) {
        guards.add(new PartUse("guard", name, asMap(params), null, here()));
    }

    @Keyword
    public void guard(String name) {
        guard(Map.of(), name);
    }

    /** A guard with its first parameter given by position: {@code maxPositions 2} in a guards block. */
    @Keyword
    public void guard(String name, Object firstParam) {
        guards.add(new PartUse("guard", name, Map.of(), firstParam, here()));
    }

    /** Several guards, each a line: {@code guards { stopLoss 0.02; maxPositions 1; cooldown bars: 5 }}. */
    @Keyword
    public void guards(@DelegatesTo(value = GuardsSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        Closure<?> c = body.rehydrate(new GuardsSpec(this), body.getOwner(), body.getThisObject());
        c.setResolveStrategy(Closure.DELEGATE_ONLY);
        c.call();
    }

    /** Costs as fractions of notional: {@code costs fee: 0.001, slippage: 0.0005}. */
    @Keyword
    public void costs(Map<String, ?> costs) {
        once("costs");
        for (Map.Entry<String, ?> e : costs.entrySet()) {
            double v = number(e.getValue(), e.getKey());
            if (!(v >= 0 && v < 1)) {
                throw new ScriptException(here() + ": costs " + e.getKey() + " is a fraction of notional in [0, 1) "
                        + "(0.001 = 0.1% = 10 bps), got " + e.getValue());
            }
            switch (e.getKey()) {
                case "fee" -> feeBps = v * 10_000;
                case "slippage" -> slippageBps = v * 10_000;
                default -> throw new ScriptException(here() + ": costs takes fee and slippage (fractions of notional), not '"
                        + e.getKey() + "'." + org.trellis.runtime.plugin.Names.suggestion(e.getKey(), List.of("fee", "slippage")));
            }
        }
    }

    /** This strategy's own starting cash: its portfolio and risk budget are its own. */
    @Keyword
    public void capital(Number amount) {
        once("capital");
        if (!(amount.doubleValue() > 0)) {
            throw new ScriptException(here() + ": capital must be > 0, got " + amount);
        }
        capital = amount.doubleValue();
    }

    /** When orders fill: {@code 'next-open'} (default) or {@code 'signal-close'}. */
    @Keyword
    public void fill(String when) {
        once("fill");
        fill = when;
    }

    /** Whether SELL may open short positions. */
    @Keyword
    public void allowShort(boolean allow) {
        once("allowShort");
        allowShort = allow;
    }

    /** Gross exposure cap as a multiple of equity (1 = no borrowing). */
    @Keyword
    public void maxLeverage(Number multiple) {
        once("maxLeverage");
        maxLeverage = multiple.doubleValue();
    }

    @Keyword
    public Side getBUY() {
        return Side.BUY;
    }

    @Keyword
    public Side getSELL() {
        return Side.SELL;
    }

    @Keyword
    public Side getHOLD() {
        return Side.HOLD;
    }

    private double number(Object v, String key) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new ScriptException(here() + ": " + key + " must be a number, got '" + v + "'");
    }

    private static Map<String, Object> asMap(Map<String, ?> params) {
        return new LinkedHashMap<>(params);
    }
}
