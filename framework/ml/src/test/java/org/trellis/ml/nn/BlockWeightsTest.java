package org.trellis.ml.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BlockWeightsTest {
    private static final Shape INPUT = new Shape(2, 5, 8);

    private static SequentialBlock encoder(int feedForward) {
        SequentialBlock encoder = new SequentialBlock();
        encoder.add(new CausalMask());
        encoder.add(new TransformerEncoderLayer(8, 2, feedForward, 0.1f));
        return encoder;
    }

    private static byte[] save(Block block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BlockWeights.save(block, bytes);
        return bytes.toByteArray();
    }

    private static void roundTrip(String engine, Supplier<Block> architecture) throws Exception {
        try (NDManager manager = NnTesting.manager(engine)) {
            Block trained = NnTesting.initialized(architecture.get(), manager, INPUT);
            NDArray x = NnTesting.random(manager, 5, INPUT.getShape());
            float[] expected = NnTesting.infer(trained, manager, x).head().toFloatArray();
            byte[] weights = save(trained);

            Block fresh = NnTesting.initialized(architecture.get(), manager, INPUT);
            assertTrue(!Arrays.equals(expected, NnTesting.infer(fresh, manager, x).head().toFloatArray()),
                    "a freshly initialised block must differ, or the round trip proves nothing");
            BlockWeights.load(fresh, manager, new ByteArrayInputStream(weights));
            assertArrayEquals(expected, NnTesting.infer(fresh, manager, x).head().toFloatArray(), 0f);
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void biLstmWeightsRoundTripExactly(String engine) throws Exception {
        roundTrip(engine, () -> new BiLstm(6, 2, 0.2f));
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void encoderWeightsRoundTripExactly(String engine) throws Exception {
        roundTrip(engine, () -> encoder(16));
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void weightsOfAnotherSizeAreRefusedNamingTheParameter(String engine) throws Exception {
        try (NDManager manager = NnTesting.manager(engine)) {
            byte[] hidden6 = save(NnTesting.initialized(new BiLstm(6, 1, 0f), manager, INPUT));
            Block hidden4 = NnTesting.initialized(new BiLstm(4, 1, 0f), manager, INPUT);
            IncompatibleWeightsException e = assertThrows(IncompatibleWeightsException.class,
                    () -> BlockWeights.load(hidden4, manager, new ByteArrayInputStream(hidden6)));
            assertTrue(e.getMessage().contains("forward0_l_0_i2h_WEIGHT"), e.getMessage());
            assertTrue(e.getMessage().contains("(24, 8)") && e.getMessage().contains("(16, 8)"), e.getMessage());

            byte[] ff32 = save(NnTesting.initialized(encoder(32), manager, INPUT));
            Block ff16 = NnTesting.initialized(encoder(16), manager, INPUT);
            assertThrows(IncompatibleWeightsException.class,
                    () -> BlockWeights.load(ff16, manager, new ByteArrayInputStream(ff32)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void weightsOfAnotherDepthOrArchitectureAreRefused(String engine) throws Exception {
        try (NDManager manager = NnTesting.manager(engine)) {
            byte[] twoLayers = save(NnTesting.initialized(new BiLstm(4, 2, 0f), manager, INPUT));
            byte[] oneLayer = save(NnTesting.initialized(new BiLstm(4, 1, 0f), manager, INPUT));
            assertThrows(IncompatibleWeightsException.class, () -> BlockWeights.load(
                    NnTesting.initialized(new BiLstm(4, 1, 0f), manager, INPUT), manager,
                    new ByteArrayInputStream(twoLayers)));
            assertThrows(IncompatibleWeightsException.class, () -> BlockWeights.load(
                    NnTesting.initialized(new BiLstm(4, 2, 0f), manager, INPUT), manager,
                    new ByteArrayInputStream(oneLayer)));
            assertThrows(IncompatibleWeightsException.class, () -> BlockWeights.load(
                    NnTesting.initialized(encoder(16), manager, INPUT), manager,
                    new ByteArrayInputStream(oneLayer)));
            assertThrows(IncompatibleWeightsException.class, () -> BlockWeights.load(
                    NnTesting.initialized(new BiLstm(4, 1, 0f), manager, INPUT), manager,
                    new ByteArrayInputStream(Arrays.copyOf(oneLayer, oneLayer.length / 2))));
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.ml.nn.NnTesting#engines")
    void loadingNeedsAnInitialisedBlock(String engine) {
        try (NDManager manager = NnTesting.manager(engine)) {
            assertThrows(IllegalStateException.class, () -> BlockWeights.load(new BiLstm(4, 1, 0f), manager,
                    new ByteArrayInputStream(new byte[0])));
        }
    }
}
