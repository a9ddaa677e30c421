package org.trellis.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.DataResolver;
import org.trellis.runtime.dsl.ScriptHost;
import org.trellis.runtime.dsl.ScriptPlan;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginFolder;
import org.trellis.runtime.report.PerformanceCalculator;
import org.trellis.runtime.sweep.GridPoint;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepJob;

/** A small script, its data and its job, shared by the Spark tests. */
final class Fixtures {
    static final String DATA = "synthetic:bars=%d,seed=11,bar=1h";

    private Fixtures() {
    }

    /** The script with {@code fast} and {@code slow} written in (the sweep's literal values are 10 and 30). */
    static String script(int bars, Object fast, Object slow) {
        return """
                strategy('trend') {
                    data    '%s'
                    model   'sma-cross', fast: %s, slow: %s
                    costs   fee: 0.001, slippage: 0.0005
                    capital 5_000
                }
                """.formatted(DATA.formatted(bars), fast, slow);
    }

    static List<ColumnarBarSeries> data(int bars) {
        TrellisConfig c = TrellisConfig.defaults();
        return List.of(new DataResolver(c.csvLayout(), c.loadOptions(), c.seed(), c.tradeBarMillis())
                .resolve(DATA.formatted(bars)).series());
    }

    /** The settings the script's block trades with (its capital and costs over the defaults). */
    static EngineSettings settings(int bars, Path plugins) {
        PartRegistry registry = PartRegistry.discover(new PluginFolder(plugins));
        var spec = new ScriptHost(registry, false).read(script(bars, 10, 30), "trend.groovy", "trend.groovy").strategies().get(0);
        return ScriptPlan.of(spec, registry, EngineSettings.defaults(), "synthetic").settings();
    }

    static SweepJob job(int bars, Path plugins) {
        return new SweepJob(script(bars, 10, 30), "trend.groovy", "trend.groovy", "trend", false, plugins, PluginFolder.DEFAULT_SHARED,
                settings(bars, plugins), "synthetic");
    }

    /**
     * The reference: the combination written into the script's text, compiled and backtested here, one
     * after another, the way {@code ./trellis run} runs a script (no grid, no overrides, no Spark).
     */
    static double[] sequential(int bars, GridPoint p, Path plugins, List<ColumnarBarSeries> data) {
        PartRegistry registry = PartRegistry.discover(new PluginFolder(plugins));
        Map<String, Object> v = p.values();
        var spec = new ScriptHost(registry, false).read(script(bars, v.get("fast"), v.get("slow")), "trend.groovy", "trend.groovy")
                .strategies().get(0);
        ScriptPlan plan = ScriptPlan.of(spec, registry, EngineSettings.defaults(), "synthetic");
        EngineSettings settings = plan.settings().withSeed(p.seed(plan.settings().seed()));
        RunResult r = new BacktestEngine(registry, settings).run(plan.pipeline(), data, plan.guards(), (d, t) -> { },
                org.trellis.runtime.engine.RunMode.BACKTEST, org.trellis.runtime.engine.RunListener.NONE);
        return Metric.all(PerformanceCalculator.compute(settings.capital(), r.equity(), r.trades(), r.feesPaid()));
    }
}
