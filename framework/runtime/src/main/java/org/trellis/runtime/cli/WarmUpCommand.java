package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trellis.runtime.bias.WarmUpCheck;
import org.trellis.runtime.data.ColumnarBarSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trellis check warmup SCRIPT...}: how much history does each feature need before its values settle? */
@Command(name = "warmup", mixinStandardHelpOptions = true,
        description = "Warm-up analysis: compute each feature from growing lengths of history and report how far its last "
                + "value is from the full-history value; recommend the warm-up after which it stays within --tolerance.")
final class WarmUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScriptArguments scripts;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "1e-4",
            description = "Relative difference from the full-history value still accepted (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScriptRuns runs = scripts.runs(options);
        WarmUpCheck check = new WarmUpCheck(runs.registry(), tolerance);
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
                ColumnarBarSeries series = r.data().get(0);
                out.printf(Locale.ROOT, "%s, strategy '%s' on %s (%d bars), tolerance %s%n", script, r.plan().name(),
                        series.instrument(), series.size(), tolerance);
                for (WarmUpCheck.Result res : check.check(r.plan().pipeline(), series)) {
                    StringBuilder errors = new StringBuilder();
                    for (Map.Entry<Integer, Double> e : res.errors().entrySet()) {
                        errors.append(String.format(Locale.ROOT, " %d:%.1e", e.getKey(), e.getValue()));
                    }
                    String recommended = res.recommended() == WarmUpCheck.Result.NOT_SETTLED ? "not settled within the data"
                            : String.format(Locale.ROOT, "recommended %5d %s", res.recommended(), res.declaredIsEnough() ? "ok    " : "LONGER");
                    out.printf(Locale.ROOT, "  %-28s declared %4d  %s  error by history length:%s%n", res.feature(), res.declared(),
                            recommended, errors);
                }
            }
        }
        out.flush();
        return skipped > 0 ? ScriptRuns.NOT_CHECKED : 0;
    }
}
