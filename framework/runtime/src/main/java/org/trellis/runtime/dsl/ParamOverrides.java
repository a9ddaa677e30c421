package org.trellis.runtime.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.PartKind;
import org.trellis.runtime.plugin.Names;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * A strategy block with some of its parts' parameters replaced: how a sweep runs one grid point of
 * a script as written. A parameter is named plainly for the block's model ({@code fast}), or as
 * {@code part.param} for any part it uses ({@code sma-cross.fast}, {@code stop-loss.pct},
 * {@code rsi.period}); a qualified name sets the parameter of every use of that part in the block.
 */
public final class ParamOverrides {
    private ParamOverrides() {
    }

    /** The names a grid may vary in {@code spec}: the model's parameters, then every part's qualified ones. */
    public static List<String> names(StrategySpec spec, PartRegistry registry) {
        Set<String> names = new LinkedHashSet<>();
        if (spec.model != null) {
            declared(registry, PartKind.STRATEGY, spec.model).forEach(names::add);
        }
        for (Use u : uses(spec)) {
            for (String p : declared(registry, u.kind(), u.use())) {
                names.add(u.use().name() + "." + p);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Checks that every name in {@code names} is one {@link #names} lists.
     *
     * @throws IllegalArgumentException naming the unknown parameter and listing the script's
     */
    public static void check(StrategySpec spec, PartRegistry registry, List<String> names, String option) {
        List<String> known = names(spec, registry);
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException(option + " " + n + ": strategy '" + spec.name + "' has no parameter '" + n + "'."
                        + Names.suggestion(n, known) + " Its parameters: "
                        + (known.isEmpty() ? "none (it uses no part with parameters)" : String.join(", ", known)));
            }
        }
    }

    /** A copy of {@code spec} with {@code values} set; parameters not named keep the script's values. */
    public static StrategySpec apply(StrategySpec spec, Map<String, Object> values, PartRegistry registry) {
        check(spec, registry, List.copyOf(values.keySet()), "parameter");
        StrategySpec copy = new StrategySpec(spec.name, spec.file, spec.where);
        copy.data.addAll(spec.data);
        for (PartUse f : spec.features) {
            copy.features.add(set(f, PartKind.FEATURE_SET, values, false, registry));
        }
        copy.model = spec.model == null ? null : set(spec.model, PartKind.STRATEGY, values, true, registry);
        for (PartUse g : spec.guards) {
            copy.guards.add(set(g, PartKind.RISK_GUARD, values, false, registry));
        }
        copy.rule = spec.rule;
        copy.modelWhere = spec.modelWhere;
        copy.threshold = spec.threshold;
        copy.sizing = spec.sizing;
        copy.feeBps = spec.feeBps;
        copy.slippageBps = spec.slippageBps;
        copy.capital = spec.capital;
        copy.fill = spec.fill;
        copy.allowShort = spec.allowShort;
        copy.maxLeverage = spec.maxLeverage;
        copy.setAt.putAll(spec.setAt);
        return copy;
    }

    private record Use(PartKind kind, PartUse use) {
    }

    private static List<Use> uses(StrategySpec spec) {
        List<Use> uses = new ArrayList<>();
        if (spec.model != null) {
            uses.add(new Use(PartKind.STRATEGY, spec.model));
        }
        spec.features.forEach(f -> uses.add(new Use(PartKind.FEATURE_SET, f)));
        spec.guards.forEach(g -> uses.add(new Use(PartKind.RISK_GUARD, g)));
        return uses;
    }

    private static List<String> declared(PartRegistry registry, PartKind kind, PartUse use) {
        try {
            return registry.factory(kind, use.name()).params().stream().map(ParamSpec::name).toList();
        } catch (RuntimeException e) {
            throw new ScriptException(use.where() + ": " + e.getMessage(), e);
        }
    }

    private static PartUse set(PartUse use, PartKind kind, Map<String, Object> values, boolean model, PartRegistry registry) {
        List<String> declared = declared(registry, kind, use);
        Map<String, Object> params = new LinkedHashMap<>(use.params());
        Object positional = use.positional();
        boolean changed = false;
        for (String p : declared) {
            String qualified = use.name() + "." + p;
            Object v = values.containsKey(qualified) ? values.get(qualified) : model && values.containsKey(p) ? values.get(p) : null;
            if (v == null) {
                continue;
            }
            changed = true;
            if (positional != null && p.equals(declared.get(0))) {
                positional = null; // the lone value went to the first parameter: the override replaces it
            }
            params.put(p, v);
        }
        return changed ? new PartUse(use.keyword(), use.name(), params, positional, use.where()) : use;
    }
}
