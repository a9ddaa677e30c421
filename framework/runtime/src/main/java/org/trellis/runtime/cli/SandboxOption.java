package org.trellis.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --unsafe-scripts}: what every command that compiles scripts takes. */
final class SandboxOption {
    @Option(names = "--unsafe-scripts", description = "Lift the script sandbox: let scripts call any Java or Groovy API "
            + "(files, network, processes). Only for scripts you trust.")
    boolean unsafe;
}
