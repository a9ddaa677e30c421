package org.trellis.rl.ppo;

import java.util.HashMap;
import java.util.Map;

/**
 * Holds each stream's latest step until the value it bootstraps from is known: a done step is ready at
 * once (it bootstraps nothing), any other when the same stream's next experience arrives, whose value
 * (computed from its own history when the agent acted) is the bootstrap. Steps of interleaved streams
 * are thus linked per stream, never across streams, and leave in time order within each stream.
 */
final class BootstrapQueue {
    /** Receives a step that is ready, with the value it bootstraps from (0 when done). */
    interface ReadyStep {
        void accept(Experience step, float nextValue);
    }

    private final Map<Integer, Experience> waiting = new HashMap<>();

    /** Takes {@code experience} and hands every step it makes ready to {@code ready}, in time order. */
    void offer(Experience experience, ReadyStep ready) {
        Experience previous = waiting.remove(experience.stream());
        if (previous != null) {
            ready.accept(previous, experience.value());
        }
        if (experience.done()) {
            ready.accept(experience, 0f);
        } else {
            waiting.put(experience.stream(), experience);
        }
    }

    /** Steps waiting for their stream's next experience. */
    int waiting() {
        return waiting.size();
    }
}
