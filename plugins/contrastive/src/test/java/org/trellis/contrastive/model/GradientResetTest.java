package org.trellis.contrastive.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.ml.engine.Engines;

/**
 * A non-finite gradient must not outlive its step: on PyTorch DJL clears gradients by subtracting
 * them from themselves, which keeps a NaN, so the trainer zeroes non-finite entries itself; MXNet's
 * backward overwrites them.
 */
class GradientResetTest {
    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void aPoisonedGradientIsClearedAndTheNextStepIsFinite(String engine) {
        Linear linear = Linear.builder().setUnits(1).build();
        try (Model model = Model.newInstance("reset", Engines.get(engine).getEngineName())) {
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(4, 3));
                backward(trainer);
                for (Pair<String, Parameter> p : linear.getParameters()) {
                    try (NDArray g = p.getValue().getArray().getGradient()) {
                        float[] nan = new float[Math.toIntExact(g.size())];
                        java.util.Arrays.fill(nan, Float.NaN);
                        g.set(java.nio.FloatBuffer.wrap(nan));
                    }
                }
                TwoStageTrainer.clearNonFinite(linear);
                if (engine.equals("PyTorch")) {
                    assertTrue(allFinite(linear, true), engine + ": the NaNs are now zeros");
                }
                backward(trainer);
                assertTrue(allFinite(linear, false), engine + ": the next step's gradients are finite");
            }
        }
    }

    private static void backward(Trainer trainer) {
        try (var batch = trainer.getManager().newSubManager(); GradientCollector collector = trainer.newGradientCollector()) {
            NDArray x = batch.ones(new Shape(4, 3));
            NDArray y = batch.zeros(new Shape(4, 1));
            collector.backward(trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x))));
        }
    }

    private static boolean allFinite(Linear linear, boolean zero) {
        for (Pair<String, Parameter> p : linear.getParameters()) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                for (float v : g.toFloatArray()) {
                    if (!Float.isFinite(v) || (zero && v != 0f)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
