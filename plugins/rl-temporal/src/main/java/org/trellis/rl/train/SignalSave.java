package org.trellis.rl.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Saves on SIGINT/SIGTERM: a JVM shutdown hook, installed while training runs, that asks the training
 * loop to stop and waits (up to a timeout) for it to save at its next tick boundary. The hook never
 * touches the networks itself, so it cannot race the training thread: the loop, the networks' only
 * user, does the save. If the timeout passes (an update still running), the folder keeps the
 * checkpoint of the last finished update, which is at most one update old.
 */
final class SignalSave implements Runnable, AutoCloseable {
    private final StopRequest stop;
    private final Duration timeout;
    private final Path out;
    private final PrintWriter err;
    private final Thread hook;

    private SignalSave(StopRequest stop, Duration timeout, Path out, PrintWriter err) {
        this.stop = stop;
        this.timeout = timeout;
        this.out = out;
        this.err = err;
        this.hook = new Thread(this, "rl-temporal-signal-save");
    }

    /** Installs the hook; {@link #close()} removes it once training has ended. */
    static SignalSave install(StopRequest stop, Duration timeout, Path out, PrintWriter err) {
        SignalSave save = new SignalSave(stop, timeout, out, err);
        Runtime.getRuntime().addShutdownHook(save.hook);
        return save;
    }

    /** A hook not installed in the JVM: what tests run to play a signal without ending the test JVM. */
    static SignalSave detached(StopRequest stop, Duration timeout, Path out, PrintWriter err) {
        return new SignalSave(stop, timeout, out, err);
    }

    /** The hook's action: ask the loop to stop and wait for its save. */
    @Override
    public void run() {
        stop.request();
        err.println("stopping: the model is saved to " + out + " at the next tick ...");
        err.flush();
        try {
            if (!stop.awaitFinished(timeout)) {
                err.println("the save did not finish within " + timeout.toSeconds() + " s; " + out
                        + " holds the checkpoint of the last finished update");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.flush();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down and this hook is running or has run: nothing to remove
        }
    }
}
