package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.report.ReportFiles;
import org.trellis.runtime.report.SweepReport;
import org.trellis.runtime.sweep.Grid;
import org.trellis.runtime.sweep.GridPoint;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepJob;
import org.trellis.runtime.sweep.SweepRow;
import org.trellis.runtime.sweep.SweepRunner;
import org.trellis.runtime.sweep.SweepTable;
import org.trellis.runtime.sweep.SweepTask;
import picocli.CommandLine.Command;

/** {@code trellis sweep SCRIPT --grid fast=5:30:5 --grid slow=20:100:10}: every combination, as independent backtests on Spark. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest a script's strategy for every combination of a parameter grid, in parallel on Apache Spark "
                + "(embedded by default), and rank them; prints the best with the full report, writes every result as CSV and "
                + "Parquet and an HTML page (a heatmap for two-parameter grids).",
                "The report flags (--report-html, ...) and the journal apply to the best combination's run."})
final class SweepCommand extends GridCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Setup setup = setup(err);
            Grid grid = setup.grid();
            TrellisConfig config = setup.config();
            Metric objective = setup.objective();
            ScriptRuns.Ready ready = setup.ready();
            SweepJob job = setup.job();
            int top = sweep.top(config);
            List<SweepTask> tasks = SweepTask.whole(grid.points());
            Path dir = sweep.out("sweep", script);
            List<String> about = List.of(script + ", strategy " + ready.plan().name(),
                    "data: " + String.join(", ", ready.data().stream().map(s -> s.source() + " (" + s.size() + " bars)").toList()),
                    "grid: " + grid.describe(), "objective: " + objective.column());
            out.printf(Locale.ROOT, "sweep %s: %s; objective %s%n", ready.plan().name(), grid.describe(), objective.column());
            out.flush();
            List<SweepRow> rows;
            List<SweepRow> ranked;
            try (SweepRunner runner = SweepRunner.open(sweep.master(config))) {
                rows = SweepOptions.run(runner, job, SweepData.of(ready.data()), tasks, out);
                SweepOptions.failures(rows, out);
                ranked = SweepReport.ranked(rows, objective);
                if (!ranked.isEmpty()) {
                    out.printf(Locale.ROOT, "%nBest %d of %d by %s:%n", Math.min(top, ranked.size()), rows.size(), objective.column());
                    out.print(SweepReport.text(grid, ranked, objective, top));
                }
                out.println();
                SweepOptions.writeTable(runner, SweepTable.of(grid, rows, false), dir, "results", out);
            }
            Path html = dir.resolve("sweep.html");
            ReportFiles.writeAtomically(html, SweepReport.html("Sweep of " + ready.plan().name(), about, grid, rows, objective));
            out.println("wrote " + html);
            if (ranked.isEmpty()) {
                err.println("error: every combination failed (see above); nothing to rank");
                return 2;
            }
            GridPoint best = ranked.get(0).point();
            out.printf(Locale.ROOT, "%nThe best, %s (seed %d), run again in full:%n", best.label(), job.seed(best));
            RunResult run = SweepOptions.journaled(options, config, job, best, script, ready.data());
            options.publish(run, out);
            return 0;
        } finally {
            options.journalOptions.close();
        }
    }
}
