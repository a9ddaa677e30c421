package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.DataResolver;
import org.trellis.runtime.data.LoadOptions;
import org.trellis.runtime.data.LoadedSeries;
import org.trellis.runtime.data.TimeParser;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.api.risk.RiskGuard;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.report.BacktestReport;
import org.trellis.runtime.report.ReportHtml;
import org.trellis.runtime.report.ReportJson;
import org.trellis.runtime.report.ReportText;
import org.trellis.runtime.report.TradesCsv;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every command that runs a strategy takes: the strategy, its data, costs, and where reports go. */
final class RunOptions {
    private static final Logger LOG = LoggerFactory.getLogger(RunOptions.class);

    @Option(names = "--fee-bps", paramLabel = "N", description = "Fee per fill in basis points.")
    Double feeBps;

    @Option(names = "--slippage-bps", paramLabel = "N", description = "Slippage per fill in basis points.")
    Double slippageBps;

    @Option(names = "--fill", paramLabel = "WHEN", description = "next-open (default) or signal-close.")
    String fill;

    @Option(names = "--capital", paramLabel = "AMOUNT", description = "Starting capital.")
    Double capital;

    @Option(names = "--allow-short", description = "Let SELL signals open short positions.")
    Boolean allowShort;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for everything random in the run.")
    Long seed;

    @Option(names = "--from", paramLabel = "TIME", description = "First bar time to use (ISO-8601 or epoch).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Use bars before this time (ISO-8601 or epoch).")
    String to;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path reportJson;

    @Option(names = "--report-html", paramLabel = "FILE", description = "Write the report as an HTML page with plots.")
    Path reportHtml;

    @Option(names = "--export-trades", paramLabel = "FILE", description = "Write every closed trade as CSV.")
    Path exportTrades;

    @Option(names = "--skip-bad-rows", description = "Skip malformed CSV rows (counted and reported) instead of stopping.")
    boolean skipBadRows;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--quiet", description = "Do not print the report (files are still written).")
    boolean quiet;

    @Mixin
    JournalOptions journalOptions;

    /** A strategy ready to run: its engine, its data and its parameters. */
    record Prepared(BacktestEngine engine, List<ColumnarBarSeries> data, Params params, List<RiskGuard> guards,
                    EngineSettings settings, TrellisConfig config) {
    }

    /** What the journal records about a run: strategy, parameters, settings, data and guards. */
    static JournalOptions.About about(String name, String script, java.util.Map<String, Object> params, EngineSettings settings,
                                      List<ColumnarBarSeries> data, List<String> guards) {
        java.util.Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("strategy", name);
        config.put("params", params);
        config.put("settings", settings);
        config.put("data", data.stream().map(ColumnarBarSeries::source).toList());
        config.put("guards", guards);
        return new JournalOptions.About(name, script, config, settings.seed());
    }

    /** The strategy named on the command line, with its data, guards and settings. */
    Prepared prepare(StrategyOptions strategy, PrintWriter err) {
        TrellisConfig config = configOptions.config();
        EngineSettings settings = applyFlags(config.engine());
        List<ColumnarBarSeries> series = load(strategy.data.isEmpty() ? List.of(config.defaultData()) : strategy.data,
                config, settings.seed(), err);
        PartRegistry registry = configOptions.parts(config);
        List<RiskGuard> riskGuards = new ArrayList<>();
        for (String g : strategy.guards) {
            PartSpec spec = PartSpec.parse(g, "--guard");
            riskGuards.add(registry.riskGuard(spec.name(), spec.params()));
        }
        // every parameter, given or defaulted and typed: what the strategy runs with, as journaled
        Params params = registry.effectiveParams(org.trellis.api.plugin.PartKind.STRATEGY, strategy.strategy,
                Params.of(KeyValues.parse(strategy.params, "--param")));
        return new Prepared(new BacktestEngine(registry, settings), series, params, riskGuards, settings, config);
    }

    /**
     * Loads data by name or path, cut to --from/--to; bad rows stop the load (or, with
     * --skip-bad-rows, are counted and shown on {@code err}).
     */
    List<ColumnarBarSeries> load(List<String> specs, TrellisConfig config, long seed, PrintWriter err) {
        LoadOptions loadOptions = skipBadRows ? LoadOptions.lenient() : config.loadOptions();
        DataResolver resolver = new DataResolver(config.csvLayout(), loadOptions, seed, config.tradeBarMillis());
        List<ColumnarBarSeries> series = new ArrayList<>();
        for (String spec : specs) {
            LoadedSeries loaded = resolver.resolve(spec);
            if (loaded.skipped().count() > 0) {
                err.println("warning: skipped " + loaded.skipped().count() + " bad row(s) in " + spec + ", e.g.:");
                loaded.skipped().examples().forEach(e -> err.println("  " + e));
            }
            series.add(window(loaded.series()));
        }
        return series;
    }

    /** Writes the requested report files, then prints the text report unless --quiet. */
    void publish(RunResult run, PrintWriter out) {
        publish(run, out, null);
    }

    /**
     * The same for one of several strategies of a script: with a {@code suffix} each file gets it
     * before its extension ({@code report.json} becomes {@code report-audited.json}).
     */
    void publish(RunResult run, PrintWriter out, String suffix) {
        BacktestReport report = BacktestReport.of(run);
        if (reportJson != null) {
            ReportJson.write(report, suffixed(reportJson, suffix));
            LOG.info("wrote {}", suffixed(reportJson, suffix));
        }
        if (reportHtml != null) {
            ReportHtml.write(report, run, suffixed(reportHtml, suffix));
            LOG.info("wrote {}", suffixed(reportHtml, suffix));
        }
        if (exportTrades != null) {
            TradesCsv.write(run.trades(), suffixed(exportTrades, suffix));
            LOG.info("wrote {}", suffixed(exportTrades, suffix));
        }
        if (!quiet) {
            out.print(ReportText.render(report));
            out.flush();
        }
    }

    static Path suffixed(Path file, String suffix) {
        if (suffix == null) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + "-" + suffix + name.substring(dot) : name + "-" + suffix;
        return file.resolveSibling(renamed);
    }

    /** {@code s} with every setting given as a flag (--fee-bps, --capital, --seed, ...) replaced by the flag's value. */
    EngineSettings applyFlags(EngineSettings s) {
        return new EngineSettings(
                capital != null ? capital : s.capital(),
                feeBps != null ? feeBps : s.feeBps(),
                slippageBps != null ? slippageBps : s.slippageBps(),
                fill != null ? FillTiming.parse(fill) : s.fillTiming(),
                allowShort != null ? allowShort : s.allowShort(),
                s.defaultSize(),
                s.maxLeverage(),
                s.closeAtEnd(),
                seed != null ? seed : s.seed());
    }

    private ColumnarBarSeries window(ColumnarBarSeries s) {
        if (from == null && to == null) {
            return s;
        }
        TimeParser times = TimeParser.auto();
        long start = from == null ? Long.MIN_VALUE : parse(times, from, "--from");
        long end = to == null ? Long.MAX_VALUE : parse(times, to, "--to");
        if (start >= end) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        ColumnarBarSeries cut;
        try {
            cut = s.between(start, end);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no bars of " + s.source() + " between " + (from == null ? "the start" : from)
                    + " and " + (to == null ? "the end" : to));
        }
        return cut;
    }

    private static long parse(TimeParser times, String text, String option) {
        try {
            return times.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

}
