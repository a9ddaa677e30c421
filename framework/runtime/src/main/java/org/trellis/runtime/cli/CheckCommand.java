package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.runtime.data.ColumnarBarSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trellis check SCRIPT...}: compile each script, resolve its parts, load its data, but trade nothing. */
@Command(name = "check", mixinStandardHelpOptions = true, subcommands = {LookAheadCommand.class, WarmUpCommand.class},
        description = "Validate strategy scripts without running them: syntax, keywords, part names and parameters, "
                + "the sandbox, and the data they name.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCRIPT", description = "Strategy scripts to check.")
    List<Path> scripts = new ArrayList<>();

    @Mixin
    SandboxOption sandbox;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("check what? give scripts (trellis check strategies/x.groovy) or a check "
                    + "(trellis check lookahead strategies/x.groovy)");
        }
        int failed = 0;
        ScriptRuns runs = new ScriptRuns(options, sandbox.unsafe);
        for (Path script : scripts) {
            try {
                if (!runs.untrained(script).isEmpty()) {
                    // its parts open models its first run trains: check everything else, and say what is left
                    int strategies = runs.validate(script, err);
                    out.printf(Locale.ROOT, "ok  %s: %d strateg%s: parts, parameters and data checked; the models are not "
                            + "trained yet%n", script, strategies, strategies == 1 ? "y" : "ies");
                    runs.untrainedSaid(script, "   ", out);
                    continue;
                }
                List<ScriptRuns.Ready> ready = runs.prepare(script, err);
                out.printf(Locale.ROOT, "ok  %s: %d strateg%s%n", script, ready.size(), ready.size() == 1 ? "y" : "ies");
                for (ScriptRuns.Ready r : ready) {
                    out.printf(Locale.ROOT, "    %-16s %s on %s, %d guard(s), capital %s%n", r.plan().name(),
                            decider(r.plan().params().asMap()), r.plan().market() != null ? "market '" + r.plan().market().market().name() + "'" : describe(r.data()), r.plan().guards().size(),
                            r.settings().capital());
                }
            } catch (IllegalArgumentException | org.trellis.runtime.data.DataException | org.trellis.runtime.plugin.PluginException e) {
                failed++;
                err.println("error: " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 2;
    }

    /** "sma-cross {fast=5, slow=20}" for a model, "rule at x.groovy:12" for a rule. */
    private static String decider(java.util.Map<String, Object> params) {
        if (params.containsKey("rule")) {
            return "rule at " + params.get("rule");
        }
        java.util.Map<String, Object> rest = new java.util.TreeMap<>(params);
        Object model = rest.remove("model");
        return model + (rest.isEmpty() ? "" : " " + rest);
    }

    private static String describe(List<ColumnarBarSeries> data) {
        List<String> parts = new ArrayList<>();
        for (ColumnarBarSeries s : data) {
            parts.add(s.instrument() + " (" + s.size() + " bars)");
        }
        return String.join(", ", parts);
    }
}
