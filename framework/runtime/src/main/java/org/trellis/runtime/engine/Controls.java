package org.trellis.runtime.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * Requests from outside a running session (the status page's control endpoints): close a
 * position, close everything, or the kill switch, which closes everything and refuses new entries
 * until it is released. Safe from any thread; a paced run reads one volatile flag per bar and
 * acts on requests at the next bar's close.
 */
public final class Controls {
    /** Reason codes of the closes and vetoes these requests cause. */
    public static final String MANUAL_CLOSE = "manual-close";
    public static final String KILL_SWITCH = "kill-switch";
    private static final String ALL = "*";

    private volatile boolean killSwitch;
    private volatile boolean pending;
    private final Set<String> closeRequests = new HashSet<>();

    public synchronized void killSwitch(boolean engaged) {
        killSwitch = engaged;
        if (engaged) {
            closeRequests.add(ALL);
            pending = true;
        }
    }

    public boolean killSwitchEngaged() {
        return killSwitch;
    }

    /** Close the position in {@code symbol} at the next bar's close (reason manual-close). */
    public synchronized void close(String symbol) {
        closeRequests.add(symbol);
        pending = true;
    }

    public synchronized void closeAll() {
        close(ALL);
    }

    boolean pending() {
        return pending;
    }

    /** Whether a close of {@code symbol} was requested; requests are taken once the engine has seen every instrument. */
    synchronized boolean closeRequested(String symbol) {
        return closeRequests.contains(symbol) || closeRequests.contains(ALL);
    }

    synchronized void clearRequests() {
        closeRequests.clear();
        pending = false;
    }

    /** The reason a requested close gives: the kill switch's or a manual one. */
    String closeReason() {
        return killSwitch ? KILL_SWITCH : MANUAL_CLOSE;
    }
}
