package org.trellis.safety;

import java.util.ArrayDeque;

/** How many events fell within a trailing time window; events come in time order (rare ones: errors, failures). */
final class RollingCount {
    private final long window;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    RollingCount(long windowMillis) {
        this.window = windowMillis;
    }

    /** Records an event at {@code time} and returns how many fell within the window ending there. */
    int add(long time) {
        times.addLast(time);
        while (times.peekFirst() <= time - window) {
            times.removeFirst();
        }
        return times.size();
    }

    void clear() {
        times.clear();
    }
}
