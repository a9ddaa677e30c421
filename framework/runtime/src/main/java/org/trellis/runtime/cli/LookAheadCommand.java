package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.runtime.bias.LookAheadCheck;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.report.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trellis check lookahead SCRIPT...}: does any feature or signal of the scripts' strategies read the future? */
@Command(name = "lookahead", mixinStandardHelpOptions = true,
        description = "Look-ahead analysis: recompute every feature and the signals with the data cut at sample bars and "
                + "report any value that changed (it read data after its bar). Exit code 3 when any did.")
final class LookAheadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScriptArguments scripts;

    @Option(names = "--cuts", paramLabel = "N", defaultValue = "10", description = "Sample bars to cut at (default ${DEFAULT-VALUE}).")
    int cuts;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScriptRuns runs = scripts.runs(options);
        int biased = 0;
        int checked = 0;
        int skipped = 0;
        for (Path script : scripts.scripts) {
            if (runs.untrainedSaid(script, "NOT CHECKED", out)) { // a check never trains: run the script once first
                skipped++;
                continue;
            }
            for (ScriptRuns.Ready r : runs.prepare(script, spec.commandLine().getErr())) {
                if (r.plan().market() != null) {
                    out.printf(Locale.ROOT, "%s, strategy '%s': trades the simulated market '%s', not bars: not checked here "
                            + "(its plugin's tests check its features)%n", script, r.plan().name(), r.plan().market().market().name());
                    continue;
                }
                LookAheadCheck check = new LookAheadCheck(runs.registry(), r.settings());
                for (ColumnarBarSeries series : r.data()) {
                    out.printf(Locale.ROOT, "%s, strategy '%s' on %s (%d bars), %d cuts%n", script, r.plan().name(),
                            series.instrument(), series.size(), Math.min(cuts, series.size()));
                    for (LookAheadCheck.Finding f : check.check(r.plan().pipeline(), r.plan().guards(), series, cuts)) {
                        checked++;
                        if (f.clean()) {
                            out.printf(Locale.ROOT, "  ok        %s%n", f.what());
                        } else {
                            biased++;
                            boolean skew = f.what().contains("training (batch)");
                            out.printf(Locale.ROOT, "  LOOKS AHEAD  %s: differs at %d of %d %s; first at bar %d (%s): %s %s, %s %s "
                                    + "(max |diff| %s)%n", f.what(), f.changedCuts(), f.cuts(), skew ? "bars" : "cuts", f.firstBar(),
                                    Times.iso(series.time(f.firstBar())), f.full(), skew ? "in batch" : "with all the data", f.cut(),
                                    skew ? "bar by bar" : "without the later bars", f.maxDiff());
                        }
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "%s: %d of %d checks look ahead%n", biased == 0 ? "clean" : "LOOK-AHEAD FOUND", biased, checked);
        if (skipped > 0) {
            out.printf(Locale.ROOT, "not checked: %d script(s) whose models are not trained yet (run each once, then check again)%n",
                    skipped);
        }
        out.flush();
        return biased > 0 ? 3 : skipped > 0 ? ScriptRuns.NOT_CHECKED : 0;
    }
}
