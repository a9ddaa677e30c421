package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.runtime.engine.PaperReplay;
import org.trellis.runtime.engine.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Paper trading over recorded bars: the backtest engine, but bars arrive in (scaled) real time, the
 * clock is the wall clock, and fills are printed as they happen. Ctrl-C stops cleanly: open
 * positions are closed per {@code trellis.backtest.close-at-end} and the report is written.
 */
@Command(name = "paper", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Paper-trade a strategy on recorded bars replayed in real time (Ctrl-C stops and reports).")
final class PaperCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StrategyOptions strategy;

    @Mixin
    RunOptions options;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "Replay speed: 1 = real time, 60 = an hour of bars per minute (default ${DEFAULT-VALUE}).")
    double speed;

    @Override
    public Integer call() throws Exception {
        try {
            PrintWriter out = spec.commandLine().getOut();
            RunOptions.Prepared prepared = options.prepare(strategy, spec.commandLine().getErr());
            PaperSession session = new PaperSession(speed);
            PaperReplay replay = session.replay();
            return session.run(() -> {
                out.printf(Locale.ROOT, "paper: %s on %d instrument(s), replay speed %sx; Ctrl-C stops and reports%n",
                        strategy.strategy, prepared.data().size(), speed);
                out.flush();
                RunResult run = options.journalOptions.run(prepared.config(),
                        RunOptions.about(strategy.strategy, null, prepared.params().asMap(), prepared.settings(), prepared.data(),
                                strategy.guards), replay, new LiveLog(out, null),
                        (mode, listener) -> prepared.engine().run(strategy.strategy, prepared.params(), prepared.data(),
                                prepared.guards(), (done, total) -> { }, mode, listener));
                if (run.stoppedEarly()) {
                    out.println("paper: stopped; open positions handled per trellis.backtest.close-at-end");
                }
                options.publish(run, out);
                return 0;
            });
        } finally {
            options.journalOptions.close();
        }
    }
}
