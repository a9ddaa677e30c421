package org.trellis.rl.train;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How another thread (the JVM's shutdown hook on SIGINT/SIGTERM) stops a training loop safely: it asks,
 * the loop notices at its next tick boundary (never in the middle of a tick or an update, so the saved
 * weights are those of a finished update and the loop's state is consistent), saves, and reports back.
 */
final class StopRequest {
    private volatile boolean requested;
    private final CountDownLatch saved = new CountDownLatch(1);

    void request() {
        requested = true;
    }

    boolean requested() {
        return requested;
    }

    /** The loop has stopped and its final save is done (or failed: the loop has nothing more to write). */
    void finished() {
        saved.countDown();
    }

    /** Waits for {@link #finished()}; false when the timeout passed first. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return saved.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
