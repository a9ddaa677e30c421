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

    @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Strategy by name, e.g. sma-cross.")
    String strategy;

    @Option(names = "--data", paramLabel = "NAME|CSV", description = "Bundled dataset (./trellis data list), a CSV path, "
            + "or synthetic[:bars=N,seed=S,bar=1m]; repeat for several instruments. Default: trellis.data.default.")
    List<String> data = new ArrayList<>();

    @Option(names = {"--param", "-p"}, paramLabel = "KEY=VALUE", description = "Strategy parameter, e.g. --param fast=10.")
    List<String> params = new ArrayList<>();

    @Option(names = "--guard", paramLabel = "NAME[:K=V,...]", description = "Risk guard by name with its parameters, "
            + "e.g. --guard stop-loss:pct=0.02; repeat for several (they apply in order). ./trellis plugins lists them.")
    List<String> guards = new ArrayList<>();

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

    /** A strategy ready to run: its engine, its data and its parameters. */
    record Prepared(BacktestEngine engine, List<ColumnarBarSeries> data, Params params, List<RiskGuard> guards,
                    EngineSettings settings) {
    }

    Prepared prepare(PrintWriter err) {
        TrellisConfig config = configOptions.config();
        EngineSettings settings = settings(config);
        LoadOptions loadOptions = skipBadRows ? LoadOptions.lenient() : config.loadOptions();
        DataResolver resolver = new DataResolver(config.csvLayout(), loadOptions, settings.seed(), config.tradeBarMillis());
        List<ColumnarBarSeries> series = new ArrayList<>();
        for (String spec : data.isEmpty() ? List.of(config.defaultData()) : data) {
            LoadedSeries loaded = resolver.resolve(spec);
            if (loaded.skipped().count() > 0) {
                err.println("warning: skipped " + loaded.skipped().count() + " bad row(s) in " + spec + ", e.g.:");
                loaded.skipped().examples().forEach(e -> err.println("  " + e));
            }
            series.add(window(loaded.series()));
        }
        PartRegistry registry = configOptions.parts(config);
        List<RiskGuard> riskGuards = new ArrayList<>();
        for (String g : guards) {
            PartSpec spec = PartSpec.parse(g, "--guard");
            riskGuards.add(registry.riskGuard(spec.name(), spec.params()));
        }
        return new Prepared(new BacktestEngine(registry, settings), series,
                Params.of(KeyValues.parse(params, "--param")), riskGuards, settings);
    }

    /** Writes the requested report files, then prints the text report unless --quiet. */
    void publish(RunResult run, PrintWriter out) {
        BacktestReport report = BacktestReport.of(run);
        if (reportJson != null) {
            ReportJson.write(report, reportJson);
            LOG.info("wrote {}", reportJson);
        }
        if (reportHtml != null) {
            ReportHtml.write(report, run, reportHtml);
            LOG.info("wrote {}", reportHtml);
        }
        if (exportTrades != null) {
            TradesCsv.write(run.trades(), exportTrades);
            LOG.info("wrote {}", exportTrades);
        }
        if (!quiet) {
            out.print(ReportText.render(report));
            out.flush();
        }
    }

    private EngineSettings settings(TrellisConfig config) {
        EngineSettings s = config.engine();
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
