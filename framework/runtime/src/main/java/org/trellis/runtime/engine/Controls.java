package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests from outside a running session (the status page's control endpoints) or from a
 * strategy's guards: close a position, close everything, or the kill switch, which closes
 * everything and refuses new entries until it is released. Safe from any thread.
 *
 * <p>Requests are numbered and never cleared: each run remembers, per instrument, the last request
 * it acted on, so one object can serve several strategies running side by side and no request is
 * lost between one strategy seeing it and another. A run reads one volatile number per bar.
 */
public final class Controls {
    /** Reason codes of the closes and vetoes these requests cause. */
    public static final String MANUAL_CLOSE = "manual-close";
    public static final String KILL_SWITCH = "kill-switch";
    static final String ALL = "*";

    /** A close request: its number, the symbol it concerns ({@value #ALL} = every one) and the reason it gives. */
    record Request(long number, String symbol, String reason) {
    }

    private volatile boolean killSwitch;
    private volatile long latest;
    private final List<Request> requests = new ArrayList<>();

    public synchronized void killSwitch(boolean engaged) {
        killSwitch = engaged;
        if (engaged) {
            add(ALL, KILL_SWITCH);
        }
    }

    public boolean killSwitchEngaged() {
        return killSwitch;
    }

    /** Close the position in {@code symbol} at the next bar's close (reason manual-close). */
    public synchronized void close(String symbol) {
        add(symbol, MANUAL_CLOSE);
    }

    public synchronized void closeAll() {
        add(ALL, MANUAL_CLOSE);
    }

    private void add(String symbol, String reason) {
        requests.add(new Request(latest + 1, symbol, reason));
        latest = latest + 1;
    }

    /** The number of the latest request (0: none yet). */
    long latest() {
        return latest;
    }

    /** Requests numbered after {@code seen}, in order. */
    synchronized List<Request> since(long seen) {
        return List.copyOf(requests.subList((int) seen, requests.size()));
    }
}
