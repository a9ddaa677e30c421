package org.trellis.runtime.sweep;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.DataException;
import org.trellis.runtime.dsl.ParamOverrides;
import org.trellis.runtime.dsl.ScriptException;
import org.trellis.runtime.dsl.ScriptHost;
import org.trellis.runtime.dsl.ScriptPlan;
import org.trellis.runtime.dsl.StrategySpec;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginException;
import org.trellis.runtime.plugin.PluginFolder;
import org.trellis.runtime.report.PerformanceCalculator;

/**
 * What every task of a sweep runs, in a form that travels to executors: the script's text (never a
 * path: executors need not share the driver's files), the strategy block to run, the plugins folder,
 * and the settings the command line resolved. On each JVM the script is compiled and the plugins are
 * loaded once, then each task runs the block with its grid point's parameters and seed.
 */
public final class SweepJob implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Per JVM: compiled scripts with their plugins, by script text, plugins folder and strategy. */
    private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

    private record Compiled(PartRegistry registry, StrategySpec spec) {
    }

    private final String scriptText;
    private final String fileName;
    private final String shown;
    private final String strategy;
    private final boolean unsafe;
    private final String pluginsDir;
    private final List<String> sharedPackages;
    private final EngineSettings settings;
    private final String defaultData;

    /**
     * @param shown the script as errors name it
     * @param settings what every run trades with (the script's, with the command line's flags applied);
     *                 each run replaces the seed with its grid point's
     */
    public SweepJob(String scriptText, String fileName, String shown, String strategy, boolean unsafe, Path pluginsDir,
                    List<String> sharedPackages, EngineSettings settings, String defaultData) {
        this.scriptText = scriptText;
        this.fileName = fileName;
        this.shown = shown;
        this.strategy = strategy;
        this.unsafe = unsafe;
        this.pluginsDir = pluginsDir.toAbsolutePath().normalize().toString();
        this.sharedPackages = List.copyOf(sharedPackages);
        this.settings = settings;
        this.defaultData = defaultData;
    }

    /** The plugins folder on the machine that made the job. */
    public Path pluginsDir() {
        return Path.of(pluginsDir);
    }

    public String strategy() {
        return strategy;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The seed a grid point runs with. */
    public long seed(GridPoint point) {
        return point.seed(settings.seed());
    }

    /**
     * Runs one task; a failure becomes the row's error (the sweep goes on with the other tasks).
     *
     * @param plugins the plugins folder as this JVM sees it
     */
    public SweepRow run(SweepTask task, SweepData data, Path plugins) {
        long seed = seed(task.point());
        try {
            RunResult r = backtest(task.point(), data.window(task.from(), task.to()), plugins);
            return new SweepRow(task, seed, Metric.all(PerformanceCalculator.compute(r.settings().capital(), r.equity(), r.trades(),
                    r.feesPaid())), null);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return new SweepRow(task, seed, null, describe(e));
        }
    }

    /** One backtest of the strategy with {@code point}'s parameters and seed on {@code data}. */
    public RunResult backtest(GridPoint point, List<ColumnarBarSeries> data, Path plugins) {
        return backtest(point, data, plugins, RunMode.BACKTEST, RunListener.NONE);
    }

    /** The same, with the mode and listener a journaled run gets. */
    public RunResult backtest(GridPoint point, List<ColumnarBarSeries> data, Path plugins, RunMode mode, RunListener listener) {
        Compiled c = compiled(plugins);
        ScriptPlan plan = plan(point, plugins);
        return new BacktestEngine(c.registry(), settings.withSeed(seed(point))).run(plan.pipeline(), data, plan.guards(),
                (done, total) -> { }, mode, listener);
    }

    /** The strategy block planned with {@code point}'s parameters (parts created, nothing run). */
    public ScriptPlan plan(GridPoint point, Path plugins) {
        Compiled c = compiled(plugins);
        StrategySpec spec = ParamOverrides.apply(c.spec(), point.values(), c.registry());
        return ScriptPlan.of(spec, c.registry(), settings, defaultData);
    }

    /** The names a grid may vary (see {@link ParamOverrides#names}). */
    public List<String> parameterNames(Path plugins) {
        Compiled c = compiled(plugins);
        return ParamOverrides.names(c.spec(), c.registry());
    }

    /** Fails, naming the unknown one and listing the strategy's parameters, unless every name is one. */
    public void checkNames(List<String> names, Path plugins, String option) {
        Compiled c = compiled(plugins);
        ParamOverrides.check(c.spec(), c.registry(), names, option);
    }

    private Compiled compiled(Path plugins) {
        String key = plugins.toAbsolutePath().normalize() + "\u0000" + unsafe + "\u0000" + strategy + "\u0000" + sha256(scriptText);
        return COMPILED.computeIfAbsent(key, k -> {
            PartRegistry registry = PartRegistry.discover(new PluginFolder(plugins, sharedPackages));
            List<StrategySpec> specs = new ScriptHost(registry, unsafe).read(scriptText, fileName, shown).strategies();
            StrategySpec spec = specs.stream().filter(s -> s.name().equals(strategy)).findFirst()
                    .orElseThrow(() -> new ScriptException(shown + ": no strategy named '" + strategy + "'; it has "
                            + String.join(", ", specs.stream().map(StrategySpec::name).toList())));
            return new Compiled(registry, spec);
        });
    }

    /** A failure as one line: the message of errors made by bad input, else the exception too. */
    static String describe(Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof DataException || e instanceof PluginException) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
