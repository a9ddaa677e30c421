package org.trellis.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;

/** PyTorch's default initialisation, reproducible from a seed. */
class InitialWeightsTest {
    @Test
    void linearLayersAreUniformInTheirFanInBoundAndLayerNormsIdentity() {
        AgentWeights w = InitialWeights.draw(AgentSizes.PHASE5, new SplittableRandom(1));
        float[] fc1 = w.values("actor.temporal_encoder.fc1.weight");
        double bound = 1 / Math.sqrt(90);
        double max = 0;
        for (float v : fc1) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= bound && max > 0.95 * bound, "largest |weight| " + max + " of bound " + bound);
        for (float v : w.values("critic.fc3.bias")) {
            assertTrue(Math.abs(v) <= 1 / Math.sqrt(96));
        }
        for (float v : w.values("critic.ln2.weight")) {
            assertEquals(1f, v);
        }
        for (float v : w.values("actor.temporal_encoder.ln1.bias")) {
            assertEquals(0f, v);
        }
    }

    @Test
    void theSameSeedDrawsTheSameWeights() {
        AgentWeights a = InitialWeights.draw(AgentSizes.PHASE5, new SplittableRandom(1));
        AgentWeights b = InitialWeights.draw(AgentSizes.PHASE5, new SplittableRandom(1));
        AgentWeights c = InitialWeights.draw(AgentSizes.PHASE5, new SplittableRandom(2));
        assertTrue(PpoTrainerTest.sameBits(a, b));
        assertFalse(PpoTrainerTest.sameBits(a, c));
    }
}
