package org.trellis.runtime.plugin;

import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
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
 * Every part this Trellis can build, by kind and name, in the manner of Lucene's named SPI loaders:
 * factories are discovered with {@link ServiceLoader} on the classpath (the built-in parts) and in
 * each plugin of the plugins folder ({@link PluginFolder}). A factory or plugin that fails to load,
 * or needs a newer API, is refused with a reason ({@link #listing()}, {@link #problems()}) and the
 * others still load. Two parts of one kind with one name are a conflict: both are listed, and using
 * the name fails with an error that names both plugins.
 */
public final class PartRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartRegistry.class);
    private static final List<Class<? extends PartFactory<?>>> SPIS = List.of(
            FeatureSetFactory.class, StrategyFactory.class, RiskGuardFactory.class, ExecutorFactory.class);

    /** A factory and the plugin it came from. */
    public record Part(PartFactory<?> factory, PluginInfo plugin) {
    }

    /** Something that was not loaded: a whole plugin ({@code kind} null) or one of its parts. */
    public record Refusal(PartKind kind, String name, PluginInfo plugin, String reason) {
    }

    private final Map<PartKind, Map<String, List<Part>>> parts = new EnumMap<>(PartKind.class);
    private final Map<String, PluginInfo> plugins = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();
    private final List<String> extensionProblems = new ArrayList<>();

    private PartRegistry() {
        for (PartKind kind : PartKind.values()) {
            parts.put(kind, new TreeMap<>());
        }
    }

    /** Discovers the parts visible to {@code loader} (no plugins folder). */
    public static PartRegistry discover(ClassLoader loader) {
        PartRegistry registry = new PartRegistry();
        registry.loadClasspath(loader);
        return registry;
    }

    /** The built-in parts and whatever else is on Trellis's own classpath. */
    public static PartRegistry discover() {
        return discover(PartRegistry.class.getClassLoader());
    }

    /** The classpath's parts, then every plugin in {@code folder} (in file-name order). */
    public static PartRegistry discover(PluginFolder folder) {
        PartRegistry registry = discover();
        folder.loadInto(registry);
        return registry;
    }

    private void loadClasspath(ClassLoader loader) {
        Map<String, PluginInfo> bySource = new HashMap<>();
        for (Class<? extends PartFactory<?>> spi : SPIS) {
            for (PartFactory<?> factory : providers(spi, loader, ClasspathSources.CLASSPATH)) {
                register(factory, bySource.computeIfAbsent(ClasspathSources.location(factory.getClass()),
                        where -> ClasspathSources.describe(factory.getClass(), where)));
            }
        }
    }

    /** Loads the parts of one plugin whose classes {@code loader} holds; the registry closes the loader. */
    void loadPlugin(URLClassLoader loader, PluginInfo plugin) {
        loaders.add(loader);
        PluginInfo earlier = plugins.putIfAbsent(plugin.name(), plugin);
        if (earlier != null) {
            refuse(null, plugin.name(), plugin, "another plugin has the name '" + plugin.name() + "': "
                    + earlier.location() + "; rename one (name= in " + PluginDescriptor.RESOURCE + ") or remove one");
            return;
        }
        int before = count();
        for (Class<? extends PartFactory<?>> spi : SPIS) {
            for (PartFactory<?> factory : providers(spi, loader, plugin)) {
                register(factory, plugin);
            }
        }
        if (count() == before && refusals.stream().noneMatch(r -> r.plugin() == plugin) && !providesExtensions(loader)) {
            refuse(null, plugin.name(), plugin, "provides no parts: list its factories in META-INF/services/"
                    + "org.trellis.api.plugin.<Kind>Factory (see examples/third-party-plugin)");
        }
    }

    /**
     * Whether a plugin's own JAR lists ML runtime services (model formats, trainers, commands, markets): a plugin
     * may provide only those, e.g. a model format and its import command, and is not empty then.
     */
    private static boolean providesExtensions(URLClassLoader loader) {
        return java.util.stream.Stream.of(org.trellis.ml.spi.ModelFormat.class, org.trellis.ml.spi.ModelTrainer.class,
                        org.trellis.ml.spi.CommandExtension.class, org.trellis.ml.spi.SimulatedMarket.class)
                .anyMatch(spi -> loader.findResource("META-INF/services/" + spi.getName()) != null);
    }

    /**
     * Providers of a service other than the four part kinds (e.g. the ML runtime's model formats and
     * trainers): Trellis's own classpath first, then each loaded plugin in load order. A provider that
     * fails to load is skipped and reported as a problem of its plugin.
     */
    public <T> List<T> extensions(Class<T> service) {
        List<T> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<ClassLoader> sources = new ArrayList<>();
        sources.add(PartRegistry.class.getClassLoader());
        sources.addAll(loaders);
        for (ClassLoader loader : sources) {
            var it = ServiceLoader.load(service, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    T provider = it.next();
                    if (seen.add(provider.getClass().getName())) {
                        found.add(provider);
                    }
                } catch (ServiceConfigurationError | LinkageError e) {
                    extensionProblems.add(service.getSimpleName() + " from " + describe(loader) + ": " + rootMessage(e));
                }
            }
        }
        return found;
    }

    /** Extensions that failed to load in {@link #extensions}. */
    public List<String> extensionProblems() {
        return List.copyOf(extensionProblems);
    }

    private static String describe(ClassLoader loader) {
        return loader instanceof URLClassLoader u && u.getURLs().length > 0 ? u.getURLs()[0].toString() : "the classpath";
    }

    /** Records a plugin that could not be opened at all. */
    void refusePlugin(PluginInfo plugin, String reason) {
        refuse(null, plugin.name(), plugin, reason);
    }

    private int count() {
        int n = 0;
        for (Map<String, List<Part>> byName : parts.values()) {
            for (List<Part> list : byName.values()) {
                n += list.size();
            }
        }
        return n;
    }

    /** The providers of one SPI; one that fails to load is refused and the rest still load. */
    private <F extends PartFactory<?>> List<F> providers(Class<F> spi, ClassLoader loader, PluginInfo plugin) {
        List<F> found = new ArrayList<>();
        var it = ServiceLoader.load(spi, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                refuse(null, plugin.name(), plugin, spi.getSimpleName() + ": " + rootMessage(e));
            }
        }
    }

    /** Adds a factory made in code (tests and embedders use this directly). */
    public void register(PartFactory<?> factory) {
        register(factory, PluginInfo.REGISTERED);
    }

    private void register(PartFactory<?> factory, PluginInfo plugin) {
        PartKind kind;
        String name;
        String api;
        try {
            kind = factory.kind();
            name = factory.name();
            api = factory.apiVersion();
        } catch (RuntimeException | LinkageError e) {
            refuse(null, factory.getClass().getName(), plugin, "factory " + factory.getClass().getName()
                    + " failed to describe itself: " + rootMessage(e));
            return;
        }
        String what = kind.label() + " '" + name + "' (" + factory.getClass().getName() + ")";
        boolean supported;
        try {
            supported = ApiVersion.supports(api);
        } catch (IllegalArgumentException e) {
            refuse(kind, name, plugin, what + ": bad API version: " + e.getMessage());
            return;
        }
        if (!supported) {
            refuse(kind, name, plugin, what + " needs API " + api + " but this Trellis provides " + ApiVersion.CURRENT
                    + "; upgrade Trellis or use a build of the plugin for API " + ApiVersion.CURRENT);
            return;
        }
        List<Part> same = parts.get(kind).computeIfAbsent(name, n -> new ArrayList<>());
        if (same.stream().anyMatch(p -> p.factory().getClass() == factory.getClass())) {
            return; // the same class seen twice (e.g. listed twice on the classpath) is one part
        }
        same.add(new Part(factory, plugin));
        if (same.size() > 1) {
            LOG.warn("plugin conflict: {}", conflict(kind, name, same));
        }
    }

    private void refuse(PartKind kind, String name, PluginInfo plugin, String reason) {
        String prefix = plugin.location() + ": ";
        // the listing shows the location beside the reason: do not say it twice
        refusals.add(new Refusal(kind, name, plugin, reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason));
        LOG.warn("plugin skipped: {}: {}", plugin.location(), reason);
    }

    private static String conflict(PartKind kind, String name, List<Part> same) {
        StringBuilder sb = new StringBuilder("two " + kind.plural() + " are named '" + name + "': ");
        for (int i = 0; i < same.size(); i++) {
            Part p = same.get(i);
            sb.append(i == 0 ? "" : " and ").append(p.factory().getClass().getName()).append(" in ").append(p.plugin().describe());
        }
        return sb.append("; remove or rename one of them").toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(": ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }

    /** Every problem: refused plugins and parts, and name conflicts. Empty when everything loaded. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Refusal r : refusals) {
            out.add(r.plugin().location() + ": " + r.reason());
        }
        parts.forEach((kind, byName) -> byName.forEach((name, same) -> {
            if (same.size() > 1) {
                out.add(conflict(kind, name, same));
            }
        }));
        return out;
    }

    /** Every part, loaded or conflicting, by kind then name. */
    public List<Part> parts() {
        List<Part> out = new ArrayList<>();
        parts.values().forEach(byName -> byName.values().forEach(out::addAll));
        return out;
    }

    /** Whether {@code part} shares its name with another part of its kind (and so cannot be used). */
    public boolean inConflict(Part part) {
        return parts.get(part.factory().kind()).get(part.factory().name()).size() > 1;
    }

    public List<Refusal> refusals() {
        return Collections.unmodifiableList(refusals);
    }

    public Set<String> names(PartKind kind) {
        return Collections.unmodifiableSet(new TreeSet<>(parts.get(kind).keySet()));
    }

    public List<PartFactory<?>> factories(PartKind kind) {
        List<PartFactory<?>> out = new ArrayList<>();
        parts.get(kind).values().forEach(same -> same.forEach(p -> out.add(p.factory())));
        return out;
    }

    public PartFactory<?> factory(PartKind kind, String name) {
        return part(kind, name).factory();
    }

    private Part part(PartKind kind, String name) {
        List<Part> same = parts.get(kind).get(name);
        if (same == null) {
            Set<String> known = names(kind);
            String refused = refusals.stream().filter(r -> r.kind() == kind && name.equals(r.name())).findFirst()
                    .map(r -> " (a plugin has one but it was not loaded: " + r.reason() + ")").orElse("");
            throw new UnknownPartException("no " + kind.label() + " named '" + name + "'" + refused + "."
                    + Names.suggestion(name, known) + " Known: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        }
        if (same.size() > 1) {
            throw new PluginException(conflict(kind, name, same));
        }
        return same.get(0);
    }

    @Override
    public void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (java.io.IOException e) {
                LOG.debug("closing a plugin class loader", e);
            }
        }
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
        Part part = part(kind, name);
        Params effective = effectiveParams(part.factory(), params);
        Object made;
        try {
            made = part.factory().create(effective);
        } catch (IllegalArgumentException e) {
            throw e; // the part's own complaint about its parameters: already says what is wrong
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(kind.label() + " '" + name + "' from " + part.plugin().describe()
                    + " failed to start: " + rootMessage(e), e);
        }
        if (made == null) {
            throw new PluginException(kind.label() + " '" + name + "' from " + part.plugin().describe() + " made nothing (null)");
        }
        return made;
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
        return typedParams(factory.kind().label() + " '" + factory.name() + "'", factory.params(), params);
    }

    /**
     * {@code params} checked against {@code declared} and typed: every declared parameter, given or
     * defaulted, converted to its declared type; unknown names (with the closest suggested), values of the
     * wrong type and values out of range are rejected, naming {@code what} (e.g. {@code market 'x'}).
     */
    public static Params typedParams(String what, List<ParamSpec> declared, Params params) {
        checkParams(what, declared, params);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (ParamSpec spec : declared) {
            if (!params.has(spec.name())) {
                if (spec.defaultValue() != null) {
                    typed.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            String where = what + ": ";
            Object value;
            try {
                value = switch (spec.type()) {
                    case "int" -> params.getInt(spec.name(), 0);
                    case "double" -> params.getDouble(spec.name(), 0);
                    case "boolean" -> params.getBoolean(spec.name(), false);
                    default -> params.getString(spec.name(), "");
                };
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            if (value instanceof Number n) {
                String problem = spec.rangeProblem(n.doubleValue());
                if (problem != null) {
                    throw new IllegalArgumentException(where + "parameter '" + spec.name() + "' " + problem);
                }
            }
            typed.put(spec.name(), value);
        }
        return Params.of(typed);
    }

    /** Rejects parameter names the factory does not declare, suggesting the closest. */
    static void checkParams(PartFactory<?> factory, Params params) {
        checkParams(factory.kind().label() + " '" + factory.name() + "'", factory.params(), params);
    }

    private static void checkParams(String what, List<ParamSpec> specs, Params params) {
        List<String> declared = specs.stream().map(ParamSpec::name).toList();
        for (String given : params.asMap().keySet()) {
            if (!declared.contains(given)) {
                throw new IllegalArgumentException("unknown parameter '" + given + "' for " + what + "."
                        + Names.suggestion(given, declared) + " It takes: "
                        + (declared.isEmpty() ? "no parameters" : String.join(", ", declared)));
            }
        }
    }

    /** The simulated market that trades {@code model} (e.g. {@code rl-temporal}, not a strategy part), if any. */
    public java.util.Optional<org.trellis.ml.spi.SimulatedMarket> marketTrading(String model) {
        return extensions(org.trellis.ml.spi.SimulatedMarket.class).stream().filter(m -> m.models().contains(model)).findFirst();
    }

    /**
     * The simulated market of this name (from the classpath or a plugin).
     *
     * @throws IllegalArgumentException naming the markets there are
     */
    public org.trellis.ml.spi.SimulatedMarket market(String name) {
        List<org.trellis.ml.spi.SimulatedMarket> markets = extensions(org.trellis.ml.spi.SimulatedMarket.class);
        for (org.trellis.ml.spi.SimulatedMarket m : markets) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        List<String> names = markets.stream().map(org.trellis.ml.spi.SimulatedMarket::name).sorted().toList();
        throw new IllegalArgumentException("no simulated market '" + name + "'." + Names.suggestion(name, names)
                + (names.isEmpty() ? " No plugin provides one (is plugins/trellis-rl-temporal.jar there?)"
                        : " Markets: " + String.join(", ", names)));
    }
}
