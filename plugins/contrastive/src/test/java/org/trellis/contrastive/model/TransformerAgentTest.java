package org.trellis.contrastive.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransformerAgentTest {
    private static final int FEATURES = 7; // 3 market columns + 4 time columns
    private static final TransformerAgentConfig TINY = new TransformerAgentConfig(16, 4, 2, 32, 0.12f, 6, 1e-3, 8);

    static float[] gaussian(long seed, int n) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    @Test
    void theSpecDefaultsAndValidation() {
        TransformerAgentConfig d = TransformerAgentConfig.DEFAULT;
        assertEquals(128, d.dModel());
        assertEquals(4, d.heads());
        assertEquals(2, d.layers());
        assertEquals(0.12f, d.dropout());
        assertEquals(10, d.window());
        assertEquals(3.79e-4, d.learningRate());
        assertEquals(64, d.projectionDim());
        assertThrows(IllegalArgumentException.class, () -> new TransformerAgentConfig(128, 3, 2, 512, 0.1f, 10, 1e-3, 64));
        assertThrows(IllegalArgumentException.class, () -> new TransformerAgentConfig(128, 4, 0, 512, 0.1f, 10, 1e-3, 64));
        assertThrows(IllegalArgumentException.class, () -> new TransformerAgentConfig(128, 4, 2, 512, 1f, 10, 1e-3, 64));
        assertThrows(IllegalArgumentException.class, () -> new TransformerAgentConfig(128, 4, 2, 512, 0.1f, 0, 1e-3, 64));
        assertThrows(IllegalArgumentException.class, () -> new TransformerAgentConfig(128, 4, 2, 512, 0.1f, 10, 0, 64));
        assertThrows(IllegalArgumentException.class, () -> new TransformerAgentConfig(128, 4, 2, 512, 0.1f, 10, 1e-3, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TransformerAgent(d, 4));
        assertTrue(e.getMessage().contains("time features"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void shapesOfEveryOutput(String engine) {
        for (TransformerAgentConfig config : new TransformerAgentConfig[] {TINY, TransformerAgentConfig.DEFAULT}) {
            TransformerAgent agent = new TransformerAgent(config, FEATURES);
            try (Model model = ModelTesting.model(engine, agent)) {
                NDManager manager = model.getNDManager();
                agent.initialize(manager);
                ParameterStore store = new ParameterStore(manager, false);
                int window = config.window();
                NDArray x = manager.create(gaussian(1, 5 * window * FEATURES), agent.inputShape(5));
                NDList out = agent.forward(store, new NDList(x), false);
                assertEquals(2, out.size());
                assertEquals(new Shape(5), out.get(0).getShape());
                assertEquals(new Shape(5), out.get(1).getShape());
                for (float direction : out.get(0).toFloatArray()) {
                    assertTrue(direction > -1f && direction < 1f);
                }
                for (float confidence : out.get(1).toFloatArray()) {
                    assertTrue(confidence > 0f && confidence < 1f);
                }
                assertEquals(new Shape(5, window, config.dModel()), agent.sequence(store, x, false).getShape());
                assertEquals(new Shape(5, config.dModel()), agent.encode(store, x, false).getShape());
                NDArray projection = agent.project(store, x, false);
                assertEquals(new Shape(5, config.projectionDim()), projection.getShape());
                float[] norms = projection.square().sum(new int[] {1}).sqrt().toFloatArray();
                for (float norm : norms) {
                    assertEquals(1f, norm, 1e-5f);
                }
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> agent.forward(store,
                        new NDList(manager.create(gaussian(2, 2 * (window + 1) * FEATURES),
                                new Shape(2, window + 1, FEATURES))), false));
                assertTrue(e.getMessage().contains("[batch, " + window + ", " + FEATURES + "]"), e.getMessage());
            }
        }
    }

    /** Changing bars after t leaves every encoder output at positions <= t unchanged. */
    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void outputsAtAPositionDoNotSeeLaterBars(String engine) {
        TransformerAgent agent = new TransformerAgent(TINY, FEATURES);
        int window = TINY.window();
        int t = 2;
        try (Model model = ModelTesting.model(engine, agent)) {
            NDManager manager = model.getNDManager();
            agent.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            float[] a = gaussian(3, 2 * window * FEATURES);
            float[] b = a.clone();
            float[] noise = gaussian(4, b.length);
            for (int batch = 0; batch < 2; batch++) {
                for (int bar = t + 1; bar < window; bar++) {
                    for (int f = 0; f < FEATURES; f++) {
                        int i = (batch * window + bar) * FEATURES + f;
                        b[i] += 3 * noise[i];
                    }
                }
            }
            float[] ya = agent.sequence(store, manager.create(a, agent.inputShape(2)), false).toFloatArray();
            float[] yb = agent.sequence(store, manager.create(b, agent.inputShape(2)), false).toFloatArray();
            int d = TINY.dModel();
            for (int batch = 0; batch < 2; batch++) {
                int from = batch * window * d;
                int seen = from + (t + 1) * d;
                int end = from + window * d;
                assertArrayEquals(Arrays.copyOfRange(ya, from, seen), Arrays.copyOfRange(yb, from, seen), 1e-5f,
                        "positions <= " + t + " changed when later bars changed");
                assertFalse(Arrays.equals(Arrays.copyOfRange(ya, seen, end), Arrays.copyOfRange(yb, seen, end)),
                        "later positions must change, or the test proves nothing");
            }
        }
    }

    /** The last four columns reach the output through the time embedding. */
    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void timeColumnsAreEmbedded(String engine) {
        TransformerAgent agent = new TransformerAgent(TINY, FEATURES);
        int window = TINY.window();
        try (Model model = ModelTesting.model(engine, agent)) {
            NDManager manager = model.getNDManager();
            agent.initialize(manager);
            ParameterStore store = new ParameterStore(manager, false);
            float[] a = gaussian(5, window * FEATURES);
            float[] b = a.clone();
            b[(window - 1) * FEATURES + FEATURES - 1] += 1f; // last time column of the last bar
            assertFalse(Arrays.equals(agent.encode(store, manager.create(a, agent.inputShape(1)), false).toFloatArray(),
                    agent.encode(store, manager.create(b, agent.inputShape(1)), false).toFloatArray()));
        }
    }
}
