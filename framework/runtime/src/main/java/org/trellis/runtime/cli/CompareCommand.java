package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trellis compare A.groovy B.groovy ...}: backtest every strategy of the scripts and put them side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest the strategies of several scripts and print one table, a column per strategy; "
                + "write an HTML page with their equity curves overlaid.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScriptArguments scripts;

    @Option(names = "--html", paramLabel = "FILE", defaultValue = "reports/compare.html",
            description = "Where to write the HTML comparison (default ${DEFAULT-VALUE}).")
    Path html;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        try {
            PrintWriter out = spec.commandLine().getOut();
            ScriptRuns runs = scripts.runs(options);
            List<ScriptRuns.Ready> all = new ArrayList<>();
            for (Path script : scripts.scripts) {
                all.addAll(runs.prepare(script, spec.commandLine().getErr()));
            }
            List<RunResult> results = runs.backtest(all, true, out, spec.commandLine().getErr());
            Set<String> names = new HashSet<>();
            Set<String> repeated = new HashSet<>();
            all.forEach(r -> (names.add(r.plan().name()) ? names : repeated).add(r.plan().name()));
            List<Comparison.Entry> entries = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                ScriptRuns.Ready r = all.get(i);
                String label = repeated.contains(r.plan().name())
                        ? r.script().getFileName().toString().replaceFirst("\\.groovy$", "") + "/" + r.plan().name()
                        : r.plan().name();
                entries.add(Comparison.Entry.of(label, results.get(i)));
            }
            Comparison.publish(entries, html, out);
            return 0;
        } finally {
            options.journalOptions.close();
        }
    }
}
