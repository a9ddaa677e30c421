package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.Durations;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.report.BacktestReport;
import org.trellis.runtime.report.Performance;
import org.trellis.runtime.report.ReportFiles;
import org.trellis.runtime.report.ReportHtml;
import org.trellis.runtime.report.SweepReport;
import org.trellis.runtime.report.Times;
import org.trellis.runtime.sweep.Grid;
import org.trellis.runtime.sweep.GridPoint;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepJob;
import org.trellis.runtime.sweep.SweepRow;
import org.trellis.runtime.sweep.SweepRunner;
import org.trellis.runtime.sweep.SweepTable;
import org.trellis.runtime.sweep.SweepTask;
import org.trellis.runtime.sweep.WalkForward;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trellis walk-forward SCRIPT --train 30d --test 7d --grid ...}: optimise on each training window
 * (on Spark), run the winner on the window after it, and report the stitched out-of-sample run.
 */
@Command(name = "walk-forward", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk-forward optimisation: sweep the grid on each training window (in parallel on Apache Spark), run "
                + "each window's best on the test window that follows it (data the optimisation never saw), and report the "
                + "stitched out-of-sample run next to the in-sample figures and their ratio.",
                "The report flags (--report-html, ...) and the journal apply to the stitched out-of-sample run."})
final class WalkForwardCommand extends GridCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, paramLabel = "DURATION", description = "Length of each training window, e.g. 30d.")
    String train;

    @Option(names = "--test", required = true, paramLabel = "DURATION", description = "Length of each test window, e.g. 7d.")
    String test;

    @Option(names = "--step", paramLabel = "DURATION", description = "How far windows move on (default and only value accepted: --test, so test windows neither overlap nor leave gaps).")
    String step;

    /** Figures compared in and out of sample (the objective first). */
    private static final List<Metric> COMPARED = List.of(Metric.TOTAL_RETURN, Metric.CAGR, Metric.SHARPE, Metric.SORTINO,
            Metric.MAX_DRAWDOWN, Metric.WIN_RATE, Metric.PROFIT_FACTOR);

    @Override
    public Integer call() {
        try {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long trainMs = WalkForward.duration(train, "--train");
            long testMs = WalkForward.duration(test, "--test");
            long stepMs = step == null ? testMs : WalkForward.duration(step, "--step");
            Setup setup = setup(err);
            Grid grid = setup.grid();
            TrellisConfig config = setup.config();
            Metric objective = setup.objective();
            ScriptRuns.Ready ready = setup.ready();
            SweepJob job = setup.job();
            SweepData data = SweepData.of(ready.data());
            long[] span = data.span();
            List<WalkForward.Window> windows = WalkForward.windows(span[0], span[1], trainMs, testMs, stepMs);
            List<SweepTask> tasks = WalkForward.tasks(windows, grid.points());
            out.printf(Locale.ROOT, "walk-forward %s: %d windows (train %s, test %s, step %s) x %s; objective %s%n", ready.plan().name(),
                    windows.size(), Durations.format(trainMs), Durations.format(testMs), Durations.format(stepMs), grid.describe(),
                    objective.column());
            if (ready.plan().params().asMap().containsKey("path") || ready.plan().guardNames().stream().anyMatch(g -> g.contains("path="))) {
                out.println("warning: strategy '" + ready.plan().name() + "' opens saved models (path: ...). They were trained on "
                        + "their own period, which walk-forward cannot keep out of its test windows: if that period overlaps them, "
                        + "the out-of-sample figures are not out of sample for the models (compare their model.json data ranges "
                        + "with the windows below)");
            }
            out.flush();
            Path dir = sweep.out("walk-forward", script);
            List<SweepRow> best;
            try (SweepRunner runner = SweepRunner.open(sweep.master(config))) {
                List<SweepRow> rows = SweepOptions.run(runner, job, data, tasks, out);
                SweepOptions.failures(rows, out);
                best = WalkForward.best(rows, windows.size(), objective);
                SweepOptions.writeTable(runner, SweepTable.of(grid, rows, true), dir, "in-sample", out);
            }
            List<RunResult> tests = new ArrayList<>();
            for (WalkForward.Window w : windows) {
                tests.add(job.backtest(best.get(w.index()).point(), data.window(w.testFrom(), w.testTo()), job.pluginsDir()));
            }
            List<Performance> oos = tests.stream().map(t -> BacktestReport.of(t).performance()).toList();
            out.println();
            out.print(windowsTable(windows, best, oos, objective));
            ReportFiles.writeAtomically(dir.resolve("windows.csv"), windowsCsv(grid, windows, best, oos, objective));
            out.println("wrote " + dir.resolve("windows.csv"));

            WalkForward.Window first = windows.get(0);
            WalkForward.Window last = windows.get(windows.size() - 1);
            var covered = data.window(first.testFrom(), last.testTo());
            RunResult stitched = options.journalOptions.run(config, RunOptions.about(ready.plan().name(), script.toString(),
                            java.util.Map.of("walk-forward", windows.size() + " windows"), ready.settings(), covered, ready.plan().guardNames()),
                    org.trellis.runtime.engine.RunMode.BACKTEST, org.trellis.runtime.engine.RunListener.NONE,
                    (mode, listener) -> WalkForward.stitch(tests, ready.settings(), ready.plan().name(), covered));
            Performance whole = BacktestReport.of(stitched).performance();
            out.println();
            out.print(summary(best, oos, whole, objective));
            Path html = dir.resolve("out-of-sample.html");
            ReportHtml.write(BacktestReport.of(stitched), stitched, html);
            out.println("wrote " + html);
            out.printf(Locale.ROOT, "%nThe stitched out-of-sample run:%n");
            options.publish(stitched, out);
            return 0;
        } finally {
            options.journalOptions.close();
        }
    }

    private static String windowsTable(List<WalkForward.Window> windows, List<SweepRow> best, List<Performance> oos, Metric objective) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %3s  %-42s  %-42s  %-24s %14s %14s %10s%n", "#", "train", "test", "chosen",
                "IS " + objective.column(), "OOS " + objective.column(), "OOS return"));
        for (WalkForward.Window w : windows) {
            SweepRow b = best.get(w.index());
            sb.append(String.format(Locale.ROOT, "  %3d  %-42s  %-42s  %-24s %14s %14s %10s%n", w.index(), range(w.trainFrom(), w.trainTo()),
                    range(w.testFrom(), w.testTo()), b.point().label(), SweepReport.format(objective, b.metric(objective)),
                    SweepReport.format(objective, objective.of(oos.get(w.index()))),
                    SweepReport.format(Metric.TOTAL_RETURN, oos.get(w.index()).totalReturn())));
        }
        return sb.toString();
    }

    private static String range(long from, long to) {
        return Times.iso(from) + ".." + Times.iso(to);
    }

    /**
     * Like against like: in-sample is the mean over windows of each winner's figure on its training window,
     * out-of-sample the mean over windows of the same figure on its test window, and their ratio; the
     * stitched run's figure is shown beside them (it compounds across windows, so it is not what the ratio
     * compares).
     */
    private static String summary(List<SweepRow> best, List<Performance> oosByWindow, Performance stitched, Metric objective) {
        List<Metric> metrics = new ArrayList<>(List.of(objective));
        COMPARED.stream().filter(m -> m != objective).forEach(metrics::add);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-16s %14s %14s %10s %16s%n", "", "in-sample", "out-of-sample",
                "OOS / IS", "stitched OOS"));
        for (Metric m : metrics) {
            double is = best.stream().mapToDouble(r -> r.metric(m)).filter(Double::isFinite).average().orElse(Double.NaN);
            double o = oosByWindow.stream().mapToDouble(m::of).filter(Double::isFinite).average().orElse(Double.NaN);
            // a ratio of a figure to a negative or zero one says nothing: shown only when in-sample is positive
            double ratio = Double.isFinite(is) && is > 0 && Double.isFinite(o) ? o / is : Double.NaN;
            sb.append(String.format(Locale.ROOT, "  %-16s %14s %14s %10s %16s%n", m.column(), SweepReport.format(m, is),
                    SweepReport.format(m, o), Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "n/a",
                    SweepReport.format(m, m.of(stitched))));
        }
        sb.append("  (per-window means: in-sample = each window's winner on its training window, out-of-sample = the same\n"
                + "   on its test window. OOS / IS well below 1 means the optimisation fitted noise; for figures where lower\n"
                + "   is better (drawdown, fees) a ratio above 1 is the warning; n/a when in-sample is not positive.\n"
                + "   Stitched: the test windows run one after another, compounded)\n");
        return sb.toString();
    }

    private static String windowsCsv(Grid grid, List<WalkForward.Window> windows, List<SweepRow> best, List<Performance> oos, Metric objective) {
        StringBuilder sb = new StringBuilder("window,train_from,train_to,test_from,test_to");
        grid.names().forEach(n -> sb.append(',').append(n));
        sb.append(",seed,is_").append(objective.column()).append(",oos_").append(objective.column())
                .append(",oos_total_return,oos_trades\n");
        for (WalkForward.Window w : windows) {
            SweepRow b = best.get(w.index());
            sb.append(w.index()).append(',').append(Times.iso(w.trainFrom())).append(',')
                    .append(Times.iso(w.trainTo())).append(',').append(Times.iso(w.testFrom()))
                    .append(',').append(Times.iso(w.testTo()));
            grid.names().forEach(n -> sb.append(',').append(GridPoint.text(b.point().values().get(n))));
            sb.append(',').append(b.seed()).append(',').append(num(b.metric(objective))).append(',').append(num(objective.of(oos.get(w.index()))))
                    .append(',').append(num(oos.get(w.index()).totalReturn())).append(',').append(oos.get(w.index()).trades()).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : GridPoint.text(v);
    }
}
