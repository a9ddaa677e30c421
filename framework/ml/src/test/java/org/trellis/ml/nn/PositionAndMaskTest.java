package org.trellis.ml.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PositionAndMaskTest {

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void positionalEncodingIsTheSinCosTable(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            int time = 7;
            int dModel = 6;
            float[] table = SinusoidalPositionalEncoding.table(manager, time, dModel).toFloatArray();
            for (int t = 0; t < time; t++) {
                // written out per pair rather than by the production loop: the reference of the paper
                double[] expected = {
                    Math.sin(t), Math.cos(t),
                    Math.sin(t / Math.pow(10000, 2.0 / 6)), Math.cos(t / Math.pow(10000, 2.0 / 6)),
                    Math.sin(t / Math.pow(10000, 4.0 / 6)), Math.cos(t / Math.pow(10000, 4.0 / 6)),
                };
                for (int j = 0; j < dModel; j++) {
                    assertEquals(expected[j], table[t * dModel + j], 1e-6, "pe[" + t + ", " + j + "]");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void positionalEncodingBlockAddsTheTableToEveryBatchRowAndPassesTheMaskOn(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            SinusoidalPositionalEncoding block = NnTesting.initialized(new SinusoidalPositionalEncoding(), manager,
                    new Shape(2, 5, 4));
            NDArray x = NnTesting.random(manager, 1, 2, 5, 4);
            NDArray mask = CausalMask.create(manager, 5);
            NDList out = NnTesting.infer(block, manager, x, mask);
            assertEquals(2, out.size());
            assertEquals(new Shape(2, 5, 4), out.get(0).getShape());
            NDArray table = SinusoidalPositionalEncoding.table(manager, 5, 4);
            for (int b = 0; b < 2; b++) {
                assertArrayEquals(x.get(b).add(table).toFloatArray(), out.get(0).get(b).toFloatArray(), 1e-6f);
            }
            assertArrayEquals(mask.toFloatArray(), out.get(1).toFloatArray());
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void causalMaskBlocksExactlyTheFuture(String engine) {
        assertTrue(CausalMask.BLOCKED < -1e8f, "exp(BLOCKED + any score) must underflow to 0 in float32");
        try (NDManager manager = NnTesting.manager(engine)) {
            float[] mask = CausalMask.create(manager, 4).toFloatArray();
            float no = CausalMask.BLOCKED;
            assertArrayEquals(new float[] {
                0, no, no, no,
                0, 0, no, no,
                0, 0, 0, no,
                0, 0, 0, 0,
            }, mask);

            CausalMask block = NnTesting.initialized(new CausalMask(), manager, new Shape(3, 4, 2));
            NDList out = NnTesting.infer(block, manager, NnTesting.random(manager, 2, 3, 4, 2));
            assertEquals(new Shape(3, 4, 2), out.get(0).getShape());
            assertEquals(new Shape(4, 4), out.get(1).getShape());
            assertArrayEquals(new Shape[] {new Shape(3, 4, 2), new Shape(4, 4)},
                    block.getOutputShapes(new Shape[] {new Shape(3, 4, 2)}));
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void badSizesAreRejectedWithTheirValues(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            assertThrows(IllegalArgumentException.class, () -> CausalMask.create(manager, 0));
            assertThrows(IllegalArgumentException.class, () -> SinusoidalPositionalEncoding.table(manager, 3, 0));
        }
    }
}
