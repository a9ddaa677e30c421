package org.trellis.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps enter the buffer with the value of their own stream's next step, or 0 when done. */
class BootstrapQueueTest {
    @Test
    void stepsAreLinkedWithinTheirStreamOnly() {
        BootstrapQueue queue = new BootstrapQueue();
        List<String> ready = new ArrayList<>();
        BootstrapQueue.ReadyStep sink = (step, next) -> ready.add(step.stream() + ":" + step.value() + "->" + next);
        queue.offer(step(0, 1f, false), sink);
        queue.offer(step(1, 10f, false), sink);
        assertEquals(List.of(), ready, "nothing is ready before a stream's next step");
        queue.offer(step(0, 2f, false), sink);
        queue.offer(step(1, 20f, true), sink);
        queue.offer(step(0, 3f, true), sink);
        assertEquals(List.of("0:1.0->2.0", "1:10.0->20.0", "1:20.0->0.0", "0:2.0->3.0", "0:3.0->0.0"), ready);
        assertEquals(0, queue.waiting());
    }

    private static Experience step(int stream, float value, boolean done) {
        return new Experience(stream, new float[2], 0, -1f, value, 0f, done);
    }
}
