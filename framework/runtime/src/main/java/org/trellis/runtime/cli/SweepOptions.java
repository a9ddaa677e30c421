package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.dsl.ScriptHost;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PluginFolder;
import org.trellis.runtime.report.ReportFiles;
import org.trellis.runtime.sweep.GridPoint;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepJob;
import org.trellis.runtime.sweep.SweepRow;
import org.trellis.runtime.sweep.SweepRunner;
import org.trellis.runtime.sweep.SweepTable;
import picocli.CommandLine.Option;

/** What sweep and walk-forward take: the grid, the objective, where the tasks run and where results go. */
final class SweepOptions {
    @Option(names = "--grid", paramLabel = "NAME=FROM:TO:STEP", required = true,
            description = "A parameter and its values: FROM:TO:STEP (TO included) or V1,V2,...; repeat for more parameters "
                    + "(every combination runs). NAME is a parameter of the strategy's model (fast) or PART.PARAM of any "
                    + "part it uses (stop-loss.pct).")
    List<String> grid = new ArrayList<>();

    @Option(names = "--objective", paramLabel = "METRIC",
            description = "What 'best' means: sharpe, sortino, total_return, cagr, calmar, max_drawdown (lower is better), "
                    + "profit_factor, win_rate, ... (default: trellis.sweep.objective).")
    String objective;

    @Option(names = "--top", paramLabel = "N", description = "How many of the best to print (default: trellis.sweep.top).")
    Integer top;

    @Option(names = "--strategy", paramLabel = "NAME", description = "The strategy block to sweep, when the script has several.")
    String strategy;

    @Option(names = "--data", paramLabel = "NAME|CSV", description = "Data instead of the script's (repeat for several instruments).")
    List<String> data = new ArrayList<>();

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Where the tasks run: local[*] (every core of this machine), local[N], or a cluster such as "
                    + "spark://host:7077 (default: trellis.sweep.master).")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the results (default: reports/<command>-<script>).")
    Path out;

    Metric objective(TrellisConfig config) {
        return Metric.parse(objective != null ? objective : config.raw().getString("trellis.sweep.objective"), "--objective");
    }

    int top(TrellisConfig config) {
        int n = top != null ? top : config.raw().getInt("trellis.sweep.top");
        if (n < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + n);
        }
        return n;
    }

    String master(TrellisConfig config) {
        return master != null ? master : config.raw().getString("trellis.sweep.master");
    }

    Path out(String command, Path script) {
        return out != null ? out : Path.of("reports", command + "-" + script.getFileName().toString().replaceFirst("\\.groovy$", ""));
    }

    /** The strategy block to sweep: the one named by --strategy, or the script's only one. */
    ScriptRuns.Ready pick(List<ScriptRuns.Ready> ready, Path script) {
        List<String> names = ready.stream().map(r -> r.plan().name()).toList();
        if (strategy != null) {
            return ready.stream().filter(r -> r.plan().name().equals(strategy)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "--strategy " + strategy + ": " + script + " has no strategy of that name; it has " + String.join(", ", names)));
        }
        if (ready.size() > 1) {
            throw new IllegalArgumentException(script + " has " + ready.size() + " strategies (" + String.join(", ", names)
                    + "); choose one with --strategy NAME");
        }
        return ready.get(0);
    }

    /** A job that runs {@code r}'s strategy block with {@code r}'s settings (the script's, with the flags applied). */
    static SweepJob job(Path script, ScriptRuns.Ready r, TrellisConfig config, PluginFolder plugins, boolean unsafe) {
        return new SweepJob(ScriptHost.source(script), script.getFileName().toString(), PluginFolder.display(script), r.plan().name(),
                unsafe, plugins.dir(), config.raw().getStringList("trellis.plugins.shared-packages"), r.settings(), config.defaultData());
    }

    /** Runs the tasks on the runner with a progress bar; says how long it took and how many failed. */
    static List<SweepRow> run(SweepRunner runner, SweepJob job, SweepData data, List<org.trellis.runtime.sweep.SweepTask> tasks,
                              PrintWriter out) {
        long start = System.nanoTime();
        List<SweepRow> rows = runner.run(job, data, tasks, ConsoleProgress.forTerminal("backtests"));
        long failed = rows.stream().filter(SweepRow::failed).count();
        out.printf(Locale.ROOT, "ran %d backtests in %.1f s on %s%s%n", rows.size(), (System.nanoTime() - start) / 1e9, runner.describe(),
                failed == 0 ? "" : "; " + failed + " failed");
        return rows;
    }

    /** The errors of failed tasks, at most ten of them. */
    static void failures(List<SweepRow> rows, PrintWriter out) {
        List<SweepRow> failed = rows.stream().filter(SweepRow::failed).toList();
        for (int i = 0; i < Math.min(10, failed.size()); i++) {
            SweepRow r = failed.get(i);
            out.printf(Locale.ROOT, "failed: %s%s: %s%n", r.task().window() >= 0 ? "window " + r.task().window() + " " : "",
                    r.point().label(), r.error());
        }
        if (failed.size() > 10) {
            out.printf(Locale.ROOT, "... and %d more failed (the CSV has every error)%n", failed.size() - 10);
        }
    }

    /** results.csv and results.parquet in {@code dir}. */
    static void writeTable(SweepRunner runner, SweepTable table, Path dir, String name, PrintWriter out) {
        Path csv = dir.resolve(name + ".csv");
        ReportFiles.writeAtomically(csv, table.csv());
        Path parquet = dir.resolve(name + ".parquet");
        runner.writeParquet(table, parquet);
        out.println("wrote " + csv + " and " + parquet);
    }

    /** A grid point's backtest in this process, journaled like any run. */
    static RunResult journaled(RunOptions options, TrellisConfig config, SweepJob job, GridPoint point, Path script,
                               List<org.trellis.runtime.data.ColumnarBarSeries> data) {
        var plan = job.plan(point, job.pluginsDir());
        var about = RunOptions.about(plan.name(), script.toString(), plan.pipeline().params().asMap(),
                job.settings().withSeed(job.seed(point)), data, plan.guardNames());
        return options.journalOptions.run(config, about, RunMode.BACKTEST, RunListener.NONE,
                (mode, listener) -> job.backtest(point, data, job.pluginsDir(), mode, listener));
    }
}
