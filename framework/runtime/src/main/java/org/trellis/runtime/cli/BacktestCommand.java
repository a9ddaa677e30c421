package org.trellis.runtime.cli;

import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest a strategy on historical bars and print its report.")
final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StrategyOptions strategy;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        try {
            RunOptions.Prepared run = options.prepare(strategy, spec.commandLine().getErr());
            RunResult result = options.journalOptions.run(run.config(),
                    RunOptions.about(strategy.strategy, null, run.params().asMap(), run.settings(), run.data(), strategy.guards),
                    RunMode.BACKTEST, RunListener.NONE, (mode, listener) -> run.engine().run(strategy.strategy, run.params(), run.data(),
                            run.guards(), ConsoleProgress.forTerminal("backtest"), mode, listener));
            options.publish(result, spec.commandLine().getOut());
            return 0;
        } finally {
            options.journalOptions.close();
        }
    }
}
