package org.trellis.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.ml.data.ChronologicalSplit;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.data.SequenceWindows;
import org.trellis.ml.engine.Engines;

class BinaryClassifierTrainingTest {
    /** Noise features; the label of a window is whether feature 0 three rows before its end was positive. */
    static SequenceWindows planted(int rows, int window, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[rows][3];
        long[] times = new long[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 3; c++) {
                values[r][c] = random.nextGaussian();
            }
            times[r] = r;
        }
        byte[] labels = new byte[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r >= 3 ? (byte) (values[r - 3][0] > 0 ? 1 : 0) : -1;
        }
        return SequenceWindows.over(FeatureMatrix.of(List.of("x", "y", "z"), times, values), window, labels);
    }

    static Model mlp(String engine) {
        Model model = Model.newInstance("mlp", Engines.get(engine).getEngineName());
        model.setBlock(new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(16).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(1).build()));
        return model;
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void learnsAPlantedPatternAndKeepsTheBestEpoch(String engine) {
        ChronologicalSplit split = ChronologicalSplit.of(planted(3000, 5, 7), 1);
        List<EpochResult> seen = new ArrayList<>();
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(6).withBatchSize(32).withLearningRate(1e-2);
        try (Model model = mlp(engine)) {
            TrainingResult result = new BinaryClassifierTraining(settings, new TrainingListener() {
                @Override
                public void onEpoch(EpochResult r, int max) {
                    seen.add(r);
                }
            }).train(model, split);
            assertEquals(6, seen.size());
            assertTrue(seen.get(5).trainLoss() < seen.get(0).trainLoss() * 0.7, "training loss falls: " + seen);
            BinaryMetrics test = Prediction.metrics(model, split.test(), 64);
            assertTrue(test.accuracy() > 0.9, "held-out accuracy on a learnable pattern: " + test);
            assertEquals(result.bestValidationLoss(), Prediction.metrics(model, split.validation(), 64).logLoss(), 1e-6,
                    "the block holds the best epoch's weights");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void theSameSeedGivesTheSameWeights(String engine) {
        ChronologicalSplit split = ChronologicalSplit.of(planted(600, 4, 3), 1);
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(2).withBatchSize(16).withSeed(11);
        byte[] first;
        byte[] second;
        try (Model model = mlp(engine)) {
            first = new BinaryClassifierTraining(settings, null).train(model, split).weights();
        }
        try (Model model = mlp(engine)) {
            second = new BinaryClassifierTraining(settings, null).train(model, split).weights();
        }
        assertArrayEquals(first, second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void gradientsAreClippedToTheGlobalNorm(String engine) {
        try (NDManager manager = Engines.get(engine).newBaseManager()) {
            List<ai.djl.ndarray.NDArray> gradients = List.of(manager.create(new float[] {3, 4}), manager.create(new float[] {12}));
            assertEquals(13.0, BinaryClassifierTraining.clip(gradients, 1.0), 1e-6);
            assertArrayEquals(new float[] {3 / 13f, 4 / 13f}, gradients.get(0).toFloatArray(), 1e-6f, "direction kept");
            assertEquals(1.0, BinaryClassifierTraining.clip(gradients, 1.0), 1e-5, "after clipping the global norm is the bound");
            assertArrayEquals(new float[] {12 / 13f}, gradients.get(1).toFloatArray(), 1e-6f, "below the bound nothing changes");
        }
    }
}
