package org.trellis.runtime.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.trellis.runtime.engine.PaperReplay;

/**
 * Paper mode around some work: bars are replayed at {@code speed}, and Ctrl-C or SIGTERM stops
 * every replay of the session before its next bar, then waits (up to 30 s) for the work to write
 * its reports before the JVM exits.
 */
final class PaperSession {
    private final double speed;
    private final List<PaperReplay> replays = new CopyOnWriteArrayList<>();

    PaperSession(double speed) {
        this.speed = speed;
    }

    /** A replay clock for one run of the session (one per strategy running side by side). */
    PaperReplay replay() {
        PaperReplay r = new PaperReplay(speed, java.time.Clock.systemUTC());
        replays.add(r);
        return r;
    }

    <T> T run(Callable<T> work) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            replays.forEach(PaperReplay::requestStop);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trellis-paper-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.call();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch released above
            }
        }
    }
}
