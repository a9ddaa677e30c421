package org.trellis.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The strategy a backtest or paper session runs, named on the command line rather than in a script. */
final class StrategyOptions {
    @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Strategy by name, e.g. sma-cross.")
    String strategy;

    @Option(names = "--data", paramLabel = "NAME|CSV", description = "Bundled dataset (./trellis data list), a CSV path, "
            + "or synthetic[:bars=N,seed=S,bar=1m]; repeat for several instruments. Default: trellis.data.default.")
    List<String> data = new ArrayList<>();

    @Option(names = {"--param", "-p"}, paramLabel = "KEY=VALUE", description = "Strategy parameter, e.g. --param fast=10.")
    List<String> params = new ArrayList<>();

    @Option(names = "--guard", paramLabel = "NAME[:K=V,...]", description = "Risk guard by name with its parameters, "
            + "e.g. --guard stop-loss:pct=0.02; repeat for several (they apply in order). ./trellis plugins lists them.")
    List<String> guards = new ArrayList<>();
}
