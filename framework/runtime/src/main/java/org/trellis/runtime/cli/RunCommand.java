package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.runtime.engine.Controls;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.web.StatusServer;
import org.trellis.runtime.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trellis run SCRIPT}: every strategy of a script, side by side, in backtest or paper mode. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a strategy script (strategies/*.groovy): each strategy block with its own data, portfolio "
                + "and risk budget; reports per strategy and, for several, a side-by-side table.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The strategy script, e.g. strategies/sma_cross.groovy.")
    Path script;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "backtest",
            description = "backtest (default: as fast as possible) or paper (bars replayed in real time; Ctrl-C stops).")
    String mode;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "Paper mode's replay speed: 1 = real time, 60 = an hour of bars per minute (default ${DEFAULT-VALUE}).")
    double speed;

    @Mixin
    SandboxOption sandbox;

    @Mixin
    RunOptions options;

    @Mixin
    WebOptions web;

    @Override
    public Integer call() throws Exception {
        try {
            boolean paper = switch (mode.toLowerCase(Locale.ROOT)) {
                case "backtest" -> false;
                case "paper" -> true;
                default -> throw new IllegalArgumentException("--mode takes backtest or paper, not '" + mode + "'");
            };
            PrintWriter out = spec.commandLine().getOut();
            Controls controls = web.serve ? new Controls() : null;
            ScriptRuns runs = new ScriptRuns(options, sandbox.unsafe, controls);
            List<ScriptRuns.Ready> strategies = runs.prepare(script, spec.commandLine().getErr());
            StatusServer server = web.serve ? web.start(runs.config(), options.journalOptions.file(runs.config()), controls,
                    runs.registry(), out, options.journalOptions.alerts(runs.config())) : null;
            if (paper) {
                out.printf(Locale.ROOT, "paper: %d strateg%s from %s, replay speed %sx; Ctrl-C stops and reports%n",
                        strategies.size(), strategies.size() == 1 ? "y" : "ies", script, speed);
                out.flush();
            }
            if (!paper) {
                report(runs.backtest(strategies, true, out, spec.commandLine().getErr()), strategies, out);
            } else {
                // Ctrl-C ends the replays; the reports and the journal must be done before the JVM exits
                PaperSession session = new PaperSession(speed);
                session.run(() -> {
                    report(runs.paper(strategies, session, out), strategies, out);
                    options.journalOptions.close();
                    return null;
                });
            }
            if (server != null) {
                WebOptions.serveUntilStopped(out);
            }
            return 0;
        } finally {
            options.journalOptions.close();
        }
    }

    /** A report per strategy (files suffixed by its name when there are several), then the side-by-side table. */
    private void report(List<RunResult> results, List<ScriptRuns.Ready> strategies, PrintWriter out) {
        List<Comparison.Entry> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String name = strategies.get(i).plan().name();
            options.publish(results.get(i), out, strategies.size() > 1 ? name : null);
            entries.add(Comparison.Entry.of(name, results.get(i)));
            if (!options.quiet && i + 1 < results.size()) {
                out.println();
            }
        }
        if (entries.size() > 1 && !options.quiet) {
            out.println();
            out.println("Side by side:");
            out.print(Comparison.text(entries));
        }
        out.flush();
    }
}
