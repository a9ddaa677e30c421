package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.sweep.Grid;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepJob;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What sweep and walk-forward share: the script, the grid options, and the script's strategy prepared as a job. */
abstract class GridCommand {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The strategy script, e.g. strategies/sma_cross.groovy.")
    Path script;

    @Mixin
    SweepOptions sweep;

    @Mixin
    SandboxOption sandbox;

    @Mixin
    RunOptions options;

    /** The script's strategy block ready to sweep: its data loaded, its grid names checked. */
    record Setup(Grid grid, TrellisConfig config, Metric objective, ScriptRuns.Ready ready, SweepJob job) {
    }

    /**
     * Parses the grid, trains what the script's first run trains, loads its data, and checks the grid's
     * names against the strategy's parameters: every mistake is found before Spark starts.
     */
    Setup setup(PrintWriter err) {
        Grid grid = Grid.parse(sweep.grid, "--grid");
        ScriptRuns runs = new ScriptRuns(options, sandbox.unsafe);
        TrellisConfig config = runs.config();
        Metric objective = sweep.objective(config);
        ScriptRuns.Ready ready = sweep.pick(runs.prepare(script, err, sweep.data), script);
        if (ready.plan().market() != null) {
            throw new IllegalArgumentException(ready.plan().market().where() + ": strategy '" + ready.plan().name()
                    + "' trades the simulated market '" + ready.plan().market().market().name() + "': sweeps and walk-forward "
                    + "run strategies on bars; run the market block with ./trellis run, changing its parameters by hand");
        }
        SweepJob job = SweepOptions.job(script, ready, config, options.configOptions.plugins(config), sandbox.unsafe);
        job.checkNames(grid.names(), job.pluginsDir(), "--grid");
        return new Setup(grid, config, objective, ready, job);
    }
}
