package org.trellis.ml.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BiLstmTest {
    private static final int BATCH = 2;
    private static final int TIME = 7;
    private static final int FEATURES = 3;
    private static final int HIDDEN = 5;

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void outputIsTwiceTheHiddenSizeAtEveryTimeStep(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            BiLstm lstm = NnTesting.initialized(new BiLstm(HIDDEN, 2, 0.2f), manager, new Shape(BATCH, TIME, FEATURES));
            NDArray out = NnTesting.infer(lstm, manager, NnTesting.random(manager, 1, BATCH, TIME, FEATURES)).head();
            assertEquals(new Shape(BATCH, TIME, 2 * HIDDEN), out.getShape());
            assertEquals(new Shape(BATCH, TIME, 2 * HIDDEN),
                    lstm.getOutputShapes(new Shape[] {new Shape(BATCH, TIME, FEATURES)})[0]);
            // 2 layers x 2 directions x (i2h, h2h) x (weight, bias)
            assertEquals(16, lstm.getParameters().size());
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void theForwardDirectionIsCausalAndTheBackwardOneSeesTheWindow(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            BiLstm lstm = NnTesting.initialized(new BiLstm(HIDDEN, 1, 0f), manager, new Shape(BATCH, TIME, FEATURES));
            NDArray x = NnTesting.random(manager, 2, BATCH, TIME, FEATURES);
            NDArray before = NnTesting.infer(lstm, manager, x).head();
            for (int t = 0; t < TIME - 1; t++) {
                NDArray after = NnTesting.infer(lstm, manager, NnTesting.perturbAfter(manager, x, t)).head();
                assertTrue(NnTesting.maxDiffUpTo(before, after, t, 0, HIDDEN) <= 1e-6,
                        "forward direction up to t=" + t + " moved when later inputs changed");
                assertTrue(NnTesting.maxDiffUpTo(before, after, t, HIDDEN, 2 * HIDDEN) > 1e-4,
                        "backward direction at t=" + t + " must see later inputs");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void theBackwardDirectionReadsTheReversedWindow(String engine) {
        // the backward half of a window equals the forward pass of its backward LSTM over the window
        // reversed, read back to front: checks the two flips
        try (NDManager manager = NnTesting.manager(engine)) {
            BiLstm lstm = NnTesting.initialized(new BiLstm(HIDDEN, 1, 0f), manager, new Shape(BATCH, TIME, FEATURES));
            NDArray x = NnTesting.random(manager, 4, BATCH, TIME, FEATURES);
            NDArray out = NnTesting.infer(lstm, manager, x).head();
            NDArray reversed = NnTesting.infer(lstm.backwardLstms().get(0), manager, x.flip(1)).head();
            float[] o = out.toFloatArray();
            float[] r = reversed.toFloatArray();
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < TIME; t++) {
                    for (int h = 0; h < HIDDEN; h++) {
                        float got = o[(b * TIME + t) * 2 * HIDDEN + HIDDEN + h];
                        float expected = r[(b * TIME + (TIME - 1 - t)) * HIDDEN + h];
                        assertEquals(expected, got, 0f);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void badSizesAreRejected(String engine) {
        assertThrows(IllegalArgumentException.class, () -> new BiLstm(0, 1, 0f));
        assertThrows(IllegalArgumentException.class, () -> new BiLstm(4, 0, 0f));
        assertThrows(IllegalArgumentException.class, () -> new BiLstm(4, 1, -0.1f));
        try (NDManager manager = NnTesting.manager(engine)) {
            assertThrows(IllegalArgumentException.class,
                    () -> NnTesting.initialized(new BiLstm(4, 1, 0f), manager, new Shape(2, 3)));
        }
    }
}
