package org.trellis.runtime.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ExecutorFactory;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartFactory;
import org.trellis.api.plugin.PartKind;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.execution.Executor;

/**
 * Every part the running JVM can build, by kind and name, discovered with {@link ServiceLoader}
 * (in the manner of Lucene's named SPI loaders). A factory that fails to load or needs a newer API
 * is reported in {@link #problems()} and skipped; the others still load.
 */
public final class PartRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PartRegistry.class);
    private final Map<PartKind, Map<String, PartFactory<?>>> parts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private PartRegistry() {
        for (PartKind kind : PartKind.values()) {
            parts.put(kind, new TreeMap<>());
        }
    }

    /** Discovers parts visible to {@code loader}. */
    public static PartRegistry discover(ClassLoader loader) {
        PartRegistry registry = new PartRegistry();
        registry.load(FeatureSetFactory.class, loader);
        registry.load(StrategyFactory.class, loader);
        registry.load(RiskGuardFactory.class, loader);
        registry.load(ExecutorFactory.class, loader);
        return registry;
    }

    public static PartRegistry discover() {
        return discover(PartRegistry.class.getClassLoader());
    }

    private <F extends PartFactory<?>> void load(Class<F> spi, ClassLoader loader) {
        var it = ServiceLoader.load(spi, loader).iterator();
        while (true) {
            F factory;
            try {
                if (!it.hasNext()) {
                    break;
                }
                factory = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                report(spi.getSimpleName() + ": " + e.getMessage());
                continue;
            }
            register(factory);
        }
    }

    /** Adds a factory (tests and embedders use this directly). */
    public void register(PartFactory<?> factory) {
        String what = factory.kind().label() + " '" + factory.name() + "' (" + factory.getClass().getName() + ")";
        boolean supported;
        try {
            supported = ApiVersion.supports(factory.apiVersion());
        } catch (IllegalArgumentException e) {
            report(what + ": bad API version: " + e.getMessage());
            return;
        }
        if (!supported) {
            report(what + " needs API " + factory.apiVersion() + " but this Trellis provides " + ApiVersion.CURRENT
                    + "; upgrade Trellis or use a build of the plugin for API " + ApiVersion.CURRENT);
            return;
        }
        PartFactory<?> previous = parts.get(factory.kind()).putIfAbsent(factory.name(), factory);
        if (previous != null && previous.getClass() != factory.getClass()) {
            report("two " + factory.kind().plural() + " are named '" + factory.name() + "': "
                    + previous.getClass().getName() + " and " + factory.getClass().getName() + "; the second is skipped");
        }
    }

    private void report(String problem) {
        problems.add(problem);
        LOG.warn("plugin skipped: {}", problem);
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public Set<String> names(PartKind kind) {
        return Collections.unmodifiableSet(new TreeSet<>(parts.get(kind).keySet()));
    }

    public List<PartFactory<?>> factories(PartKind kind) {
        return List.copyOf(parts.get(kind).values());
    }

    public PartFactory<?> factory(PartKind kind, String name) {
        PartFactory<?> f = parts.get(kind).get(name);
        if (f == null) {
            Set<String> known = names(kind);
            throw new UnknownPartException("no " + kind.label() + " named '" + name + "'."
                    + Names.suggestion(name, known) + " Known: "
                    + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        }
        return f;
    }

    public FeatureSet featureSet(String name, Params params) {
        return (FeatureSet) create(PartKind.FEATURE_SET, name, params);
    }

    public Strategy strategy(String name, Params params) {
        return (Strategy) create(PartKind.STRATEGY, name, params);
    }

    public RiskGuard riskGuard(String name, Params params) {
        return (RiskGuard) create(PartKind.RISK_GUARD, name, params);
    }

    public Executor executor(String name, Params params) {
        return (Executor) create(PartKind.EXECUTOR, name, params);
    }

    private Object create(PartKind kind, String name, Params params) {
        PartFactory<?> factory = factory(kind, name);
        return factory.create(effectiveParams(factory, params));
    }

    /**
     * The parameters a part will really run with: every declared parameter, given or defaulted,
     * converted to its declared type. Unknown names and values of the wrong type are rejected here,
     * before anything runs.
     */
    public Params effectiveParams(PartKind kind, String name, Params params) {
        return effectiveParams(factory(kind, name), params);
    }

    static Params effectiveParams(PartFactory<?> factory, Params params) {
        checkParams(factory, params);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (ParamSpec spec : factory.params()) {
            if (!params.has(spec.name())) {
                if (spec.defaultValue() != null) {
                    typed.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            String where = factory.kind().label() + " '" + factory.name() + "': ";
            try {
                typed.put(spec.name(), switch (spec.type()) {
                    case "int" -> params.getInt(spec.name(), 0);
                    case "double" -> params.getDouble(spec.name(), 0);
                    case "boolean" -> params.getBoolean(spec.name(), false);
                    default -> params.getString(spec.name(), "");
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return Params.of(typed);
    }

    /** Rejects parameter names the factory does not declare, suggesting the closest. */
    static void checkParams(PartFactory<?> factory, Params params) {
        List<String> declared = factory.params().stream().map(ParamSpec::name).toList();
        for (String given : params.asMap().keySet()) {
            if (!declared.contains(given)) {
                throw new IllegalArgumentException("unknown parameter '" + given + "' for " + factory.kind().label()
                        + " '" + factory.name() + "'." + Names.suggestion(given, declared) + " It takes: "
                        + (declared.isEmpty() ? "no parameters" : String.join(", ", declared)));
            }
        }
    }
}
