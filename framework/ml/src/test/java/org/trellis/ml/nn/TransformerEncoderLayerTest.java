package org.trellis.ml.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransformerEncoderLayerTest {
    private static final int BATCH = 3;
    private static final int TIME = 6;
    private static final int D_MODEL = 8;

    private static SequentialBlock causalEncoder(NDManager manager, boolean masked) {
        SequentialBlock encoder = new SequentialBlock();
        if (masked) {
            encoder.add(new CausalMask());
        }
        encoder.add(new TransformerEncoderLayer(D_MODEL, 2, 16, 0.2f));
        encoder.add(new TransformerEncoderLayer(D_MODEL, 2, 16, 0.2f));
        return NnTesting.initialized(encoder, manager, new Shape(BATCH, TIME, D_MODEL));
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void outputHasTheInputShapeAndTheMaskIsHandedOn(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            TransformerEncoderLayer layer = NnTesting.initialized(new TransformerEncoderLayer(D_MODEL, 4, 16, 0.2f),
                    manager, new Shape(BATCH, TIME, D_MODEL), new Shape(TIME, TIME));
            NDArray mask = CausalMask.create(manager, TIME);
            NDList out = NnTesting.infer(layer, manager, NnTesting.random(manager, 1, BATCH, TIME, D_MODEL), mask);
            assertEquals(2, out.size());
            assertEquals(new Shape(BATCH, TIME, D_MODEL), out.get(0).getShape());
            assertArrayEquals(mask.toFloatArray(), out.get(1).toFloatArray());

            NDList unmasked = NnTesting.infer(layer, manager, NnTesting.random(manager, 1, BATCH, TIME, D_MODEL));
            assertEquals(1, unmasked.size());
            assertEquals(new Shape(BATCH, TIME, D_MODEL), unmasked.head().getShape());
            // post-norm: every position comes out of LayerNorm (gamma 1, beta 0 at initialisation)
            float[] y = unmasked.head().toFloatArray();
            for (int row = 0; row < BATCH * TIME; row++) {
                double mean = 0;
                for (int c = 0; c < D_MODEL; c++) {
                    mean += y[row * D_MODEL + c];
                }
                assertEquals(0, mean / D_MODEL, 1e-5);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void withTheCausalMaskNoPositionSeesALaterInput(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            SequentialBlock encoder = causalEncoder(manager, true);
            NDArray x = NnTesting.random(manager, 3, BATCH, TIME, D_MODEL);
            NDArray before = NnTesting.infer(encoder, manager, x).head();
            for (int t = 0; t < TIME - 1; t++) {
                NDArray after = NnTesting.infer(encoder, manager, NnTesting.perturbAfter(manager, x, t)).head();
                assertTrue(NnTesting.maxDiffUpToAll(before, after, t) <= 1e-6,
                        "output up to t=" + t + " moved when later inputs changed");
                assertTrue(NnTesting.maxDiffAfter(before, after, t, 0, D_MODEL) > 1e-3,
                        "outputs after t=" + t + " must follow their inputs");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void withoutTheMaskEarlyPositionsDoSeeTheFuture(String engine) {
        // proves the causality test above can fail
        try (NDManager manager = NnTesting.manager(engine)) {
            SequentialBlock encoder = causalEncoder(manager, false);
            NDArray x = NnTesting.random(manager, 3, BATCH, TIME, D_MODEL);
            NDArray before = NnTesting.infer(encoder, manager, x).head();
            NDArray after = NnTesting.infer(encoder, manager, NnTesting.perturbAfter(manager, x, 2)).head();
            assertTrue(NnTesting.maxDiffUpToAll(before, after, 2) > 1e-3);
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void sizesAreValidatedWithClearMessages(String engine) {
        IllegalArgumentException notDivisible = assertThrows(IllegalArgumentException.class,
                () -> new TransformerEncoderLayer(10, 4, 16, 0.1f));
        assertEquals("dModel 10 is not divisible by heads 4", notDivisible.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TransformerEncoderLayer(8, 2, 0, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> new TransformerEncoderLayer(8, 2, 16, 1f));
        try (NDManager manager = NnTesting.manager(engine)) {
            TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, 0.1f);
            assertThrows(IllegalArgumentException.class,
                    () -> NnTesting.initialized(layer, manager, new Shape(2, 5, 6)));
        }
    }
}
