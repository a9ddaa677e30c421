package org.trellis.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What the commands that work over several scripts take: the scripts, and the sandbox switch. */
final class ScriptArguments {
    @Parameters(arity = "1..*", paramLabel = "SCRIPT", description = "Strategy scripts.")
    List<Path> scripts = new ArrayList<>();

    @Mixin
    SandboxOption sandbox;

    /** The scripts' strategies, planned with {@code options}. */
    ScriptRuns runs(RunOptions options) {
        return new ScriptRuns(options, sandbox.unsafe);
    }
}
