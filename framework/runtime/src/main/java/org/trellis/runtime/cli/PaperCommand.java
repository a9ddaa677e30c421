package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.trellis.api.execution.Fill;
import org.trellis.api.risk.OrderIntent;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.PaperReplay;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.report.Times;
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
    RunOptions options;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "Replay speed: 1 = real time, 60 = an hour of bars per minute (default ${DEFAULT-VALUE}).")
    double speed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunOptions.Prepared prepared = options.prepare(spec.commandLine().getErr());
        PaperReplay replay = new PaperReplay(speed, java.time.Clock.systemUTC());
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            replay.requestStop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trellis-paper-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.printf(Locale.ROOT, "paper: %s on %d instrument(s), replay speed %sx; Ctrl-C stops and reports%n",
                    options.strategy, prepared.data().size(), speed);
            out.flush();
            RunResult run = prepared.engine().run(options.strategy, prepared.params(), prepared.data(), prepared.guards(),
                    (done, total) -> { }, replay, new LiveLog(out));
            if (run.stoppedEarly()) {
                out.println("paper: stopped; open positions handled per trellis.backtest.close-at-end");
            }
            options.publish(run, out);
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch released above
            }
        }
    }

    /** One line per event, as it happens. */
    private static final class LiveLog implements RunListener {
        private final PrintWriter out;

        LiveLog(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onFill(Fill fill) {
            out.printf(Locale.ROOT, "%s  fill   %-4s %s %s @ %s  fee %s  (%s)%n", Times.iso(fill.time()),
                    fill.order().side(), fill.order().instrument(), num(fill.quantity()), num(fill.price()),
                    num(fill.fee()), fill.order().reason());
            out.flush();
        }

        @Override
        public void onTradeClosed(ClosedTrade t) {
            out.printf(Locale.ROOT, "%s  closed %-5s %s pnl %s (%s)%n", Times.iso(t.exitTime()),
                    t.direction().name().toLowerCase(Locale.ROOT), t.instrument(), num(t.pnl()), t.exitReason());
            out.flush();
        }

        @Override
        public void onVeto(OrderIntent intent, String reason) {
            out.printf(Locale.ROOT, "%s  veto   %-4s %s (%s)%n", Times.iso(intent.time()), intent.side(),
                    intent.instrument(), reason);
            out.flush();
        }

        private static String num(double v) {
            return String.format(Locale.ROOT, "%.6g", v);
        }
    }
}
