package org.trellis.rl.ppo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trellis.rl.model.AgentSizes;

/** Deterministic experiences for tests that need a buffer's worth of steps but no simulator. */
final class Steps {
    private Steps() {
    }

    /** A history of random states in [-1, 1]. */
    static float[] history(SplittableRandom random) {
        float[] h = new float[AgentSizes.PHASE5.historyValues()];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) random.nextDouble(-1, 1);
        }
        return h;
    }

    /**
     * {@code count} steps of two interleaved streams, each done every 5th step, with random histories,
     * actions, values and rewards, and the log-probability {@code logProb} for every action.
     */
    static List<Experience> random(int count, float logProb, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Experience> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(new Experience(i % 2, history(random), random.nextInt(3), logProb, (float) random.nextDouble(-1, 1),
                    (float) random.nextDouble(-2, 2), i % 10 >= 8));
        }
        return steps;
    }
}
