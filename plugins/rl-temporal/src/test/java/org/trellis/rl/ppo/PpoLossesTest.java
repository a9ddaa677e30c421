package org.trellis.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.ml.engine.Engines;

/** The loss terms on hand-picked numbers, on each engine. */
class PpoLossesTest {
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void clippedSurrogateInsideAndOutsideTheClip(String engine) {
        try (NDManager manager = Engines.get(engine).newBaseManager()) {
            // clip 0.2; per step min(r * A, clip(r, 0.8, 1.2) * A):
            //   r 0.5, A  1: min(0.5, 0.8)   =  0.5   below the range, unclipped term is smaller: kept
            //   r 1.1, A -1: min(-1.1, -1.1) = -1.1   inside the range
            //   r 1.5, A  1: min(1.5, 1.2)   =  1.2   clipped: no gain from moving further
            //   r 0.7, A -1: min(-0.7, -0.8) = -0.8   clipped
            // loss = -mean = -(0.5 - 1.1 + 1.2 - 0.8) / 4 = 0.05
            NDArray ratio = manager.create(new float[] {0.5f, 1.1f, 1.5f, 0.7f});
            NDArray advantages = manager.create(new float[] {1, -1, 1, -1});
            ratio.setRequiresGradient(true);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray loss = PpoLosses.clippedSurrogate(ratio, advantages, 0.2);
                assertEquals(0.05f, loss.getFloat(), 1e-6f);
                collector.backward(loss);
            }
            // d loss / d r = -A / 4 where the unclipped term is taken, 0 where the clipped one is
            assertArrayEquals(new float[] {-0.25f, 0.25f, 0f, 0f}, ratio.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void valueLossTakesTheWorseOfTheClippedAndUnclippedErrors(String engine) {
        try (NDManager manager = Engines.get(engine).newBaseManager()) {
            // value clip 0.2, coefficient 0.5:
            //   V 1.0, old 0.5, R 2.0: Vclipped 0.7: max(1.0^2, 1.3^2) = 1.69
            //   V 2.0, old 1.5, R 0.0: Vclipped 1.7: max(2.0^2, 1.7^2) = 4.0
            //   V 0.0, old 0.1, R 0.2: inside the clip: 0.2^2           = 0.04
            // 0.5 * (1.69 + 4.0 + 0.04) / 3 = 0.955
            NDArray loss = PpoLosses.clippedValueLoss(manager.create(new float[] {1.0f, 2.0f, 0.0f}),
                    manager.create(new float[] {0.5f, 1.5f, 0.1f}), manager.create(new float[] {2.0f, 0.0f, 0.2f}), 0.2, 0.5);
            assertEquals(0.955f, loss.getFloat(), 1e-6f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void entropyKlAndClipFractionOfKnownDistributions(String engine) {
        try (NDManager manager = Engines.get(engine).newBaseManager()) {
            // [1/2, 1/4, 1/4]: 1/2 ln 2 + 2 * 1/4 ln 4 = 1.5 ln 2;  uniform over 3: ln 3
            float third = (float) Math.log(1.0 / 3);
            NDArray logProbs = manager.create(new float[] {(float) Math.log(0.5), (float) Math.log(0.25), (float) Math.log(0.25),
                    third, third, third}, new Shape(2, 3));
            assertEquals((1.5 * Math.log(2) + Math.log(3)) / 2, PpoLosses.entropy(logProbs).getFloat(), 1e-6);
            // log ratios ln 2 and 0: ((2 - 1 - ln 2) + 0) / 2
            NDArray logRatio = manager.create(new float[] {(float) Math.log(2), 0f});
            assertEquals((1 - Math.log(2)) / 2, PpoLosses.approxKl(logRatio).getFloat(), 1e-6);
            NDArray ratio = manager.create(new float[] {0.5f, 1.1f, 1.5f, 0.7f});
            assertEquals(0.75f, PpoLosses.clipFraction(ratio, 0.2).getFloat(), 1e-6f);
            // the taken action's log-probability: row 0 took action 1, row 1 action 2
            NDArray oneHot = manager.create(new float[] {0, 1, 0, 0, 0, 1}, new Shape(2, 3));
            assertArrayEquals(new float[] {(float) Math.log(0.25), third}, PpoLosses.taken(logProbs, oneHot).toFloatArray(), 1e-6f);
        }
    }
}
