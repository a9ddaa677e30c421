package org.trellis.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** GAE on a three-step trajectory worked out by hand (gamma 0.9, lambda 0.8, so gamma * lambda = 0.72). */
class AdvantageEstimatorTest {
    private static final float[] REWARDS = {1, 0, 2};
    private static final float[] VALUES = {0.5f, 1.0f, 1.5f};
    private static final float BOOTSTRAP = 2.0f;
    private final AdvantageEstimator gae = new AdvantageEstimator(0.9, 0.8);

    @Test
    void withoutDoneTheLastStepBootstrapsFromTheNextValue() {
        // delta2 = 2 + 0.9 * 2.0 - 1.5 = 2.3                 A2 = 2.3
        // delta1 = 0 + 0.9 * 1.5 - 1.0 = 0.35                A1 = 0.35 + 0.72 * 2.3   = 2.006
        // delta0 = 1 + 0.9 * 1.0 - 0.5 = 1.4                 A0 = 1.4  + 0.72 * 2.006 = 2.84432
        assertGae(new boolean[] {false, false, false}, new float[] {2.84432f, 2.006f, 2.3f}, new float[] {3.34432f, 3.006f, 3.8f});
    }

    @Test
    void aDoneStepCutsBothItsBootstrapAndTheAdvantageBehindIt() {
        // step 1 ends the trajectory: delta1 = 0 - 1.0 = -1.0, A1 = -1.0 (nothing after it counts)
        // step 2 starts a new one and still bootstraps: A2 = 2.3;  A0 = 1.4 + 0.72 * -1.0 = 0.68
        assertGae(new boolean[] {false, true, false}, new float[] {0.68f, -1.0f, 2.3f}, new float[] {1.18f, 0.0f, 3.8f});
    }

    @Test
    void aDoneLastStepIgnoresTheBootstrapValue() {
        // delta2 = 2 - 1.5 = 0.5;  A1 = 0.35 + 0.72 * 0.5 = 0.71;  A0 = 1.4 + 0.72 * 0.71 = 1.9112
        assertGae(new boolean[] {false, false, true}, new float[] {1.9112f, 0.71f, 0.5f}, new float[] {2.4112f, 1.71f, 2.0f});
    }

    @Test
    void interleavedStreamsAreEstimatedEachOnItsOwn() {
        // stream 0 is the trajectory above; stream 1 (r 5, V 1, bootstrap 3, not done) is interleaved with it
        float[] rewards = {1, 5, 0, 2};
        float[] values = {0.5f, 1f, 1.0f, 1.5f};
        float[] nextValues = {1.0f, 3f, 1.5f, BOOTSTRAP};
        int[] streams = {0, 1, 0, 0};
        float[] advantages = new float[4];
        float[] returns = new float[4];
        gae.estimate(4, rewards, values, nextValues, new boolean[4], streams, advantages, returns);
        // stream 1: A = 5 + 0.9 * 3 - 1 = 6.7
        assertArrayEquals(new float[] {2.84432f, 6.7f, 2.006f, 2.3f}, advantages, 1e-5f);
    }

    private void assertGae(boolean[] dones, float[] expectedAdvantages, float[] expectedReturns) {
        float[] nextValues = {VALUES[1], VALUES[2], BOOTSTRAP};
        float[] advantages = new float[3];
        float[] returns = new float[3];
        gae.estimate(3, REWARDS, VALUES, nextValues, dones, new int[3], advantages, returns);
        assertArrayEquals(expectedAdvantages, advantages, 1e-5f, "advantages");
        assertArrayEquals(expectedReturns, returns, 1e-5f, "returns");
    }
}
