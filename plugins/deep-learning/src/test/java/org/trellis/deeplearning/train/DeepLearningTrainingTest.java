package org.trellis.deeplearning.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trellis.api.plugin.Params;
import org.trellis.deeplearning.features.CandleFeaturesFactory;
import org.trellis.deeplearning.model.ClassifierConfig;
import org.trellis.deeplearning.model.LstmConfig;
import org.trellis.deeplearning.model.TransformerConfig;
import org.trellis.deeplearning.run.DeepLearningModel;
import org.trellis.ml.data.ChronologicalSplit;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.data.HorizonLabels;
import org.trellis.ml.data.Scaler;
import org.trellis.ml.data.SequenceWindows;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.ml.train.BinaryMetrics;
import org.trellis.ml.train.TrainingSettings;
import org.trellis.runtime.data.ColumnarBarSeries;

/** Both architectures on both engines: they learn a planted pattern, and what is saved is what was trained. */
class DeepLearningTrainingTest {
    static final int WINDOW = 12;
    static final int HORIZON = 5;

    static ClassifierConfig tiny(String architecture) {
        return architecture.equals("lstm") ? new LstmConfig(8, 1, 0.1f) : new TransformerConfig(8, 2, 1, 16, 0.1f);
    }

    static DeepLearningTraining.Outcome train(String architecture, String engine, ColumnarBarSeries series, int epochs, Path out) {
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(epochs).withBatchSize(32).withLearningRate(3e-3);
        return DeepLearningTraining.run(new DeepLearningTraining.Request(architecture, tiny(architecture), "planted", series, engine,
                WINDOW, HORIZON, settings, Map.of(), out), null, "test");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"lstm, PyTorch", "lstm, MXNet", "transformer, PyTorch", "transformer, MXNet"})
    void learnsAPlantedPatternAndSavesExactlyWhatItTrained(String architecture, String engine, @TempDir Path dir) {
        ColumnarBarSeries series = PlantedSeries.sine(1500, 5);
        DeepLearningTraining.Outcome outcome = train(architecture, engine, series, 4, dir);
        var history = outcome.training().history();
        assertTrue(history.get(history.size() - 1).trainLoss() < history.get(0).trainLoss(),
                "training loss falls: " + history);
        assertTrue(outcome.test().accuracy() > 0.7, "held-out accuracy on a learnable pattern: " + outcome.test());

        // the split, the scaler and the held-out windows, rebuilt independently of the trainer
        org.trellis.api.feature.FeatureSet candles = new CandleFeaturesFactory().create(Params.of(Map.of()));
        FeatureMatrix matrix = FeatureMatrices.compute(candles, series, DeepLearningTraining.inputs(candles.names()));
        byte[] labels = HorizonLabels.upDown(FeatureMatrices.closes(series), HORIZON);
        ChronologicalSplit split = ChronologicalSplit.of(SequenceWindows.over(matrix, WINDOW, labels), HORIZON);
        Scaler fitted = Scaler.fit(matrix, split.trainRowsFrom(), split.trainRowsTo());
        ModelMetadata md = outcome.metadata();
        assertArrayEquals(fitted.mean(), md.scaler().mean(), "the scaler round-trips through model.json");
        assertArrayEquals(fitted.std(), md.scaler().std());
        fitted.applyInPlace(matrix);

        try (DeepLearningModel loaded = DeepLearningModel.open(dir, null)) {
            assertEquals(fitted, loaded.scaler());
            SequenceWindows test = split.test();
            float[] windows = new float[test.size() * WINDOW * matrix.columns()];
            for (int i = 0; i < test.size(); i++) {
                test.copy(i, windows, i * WINDOW * matrix.columns());
            }
            double[] p = new double[test.size()];
            int[] y = new int[test.size()];
            for (int from = 0; from < test.size(); from += 32) {
                int to = Math.min(test.size(), from + 32);
                float[] batch = java.util.Arrays.copyOfRange(windows, from * WINDOW * matrix.columns(), to * WINDOW * matrix.columns());
                double[] part = loaded.probabilities(batch, to - from);
                System.arraycopy(part, 0, p, from, to - from);
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = test.label(i);
            }
            BinaryMetrics reloaded = BinaryMetrics.of(p, y);
            assertEquals(outcome.test().logLoss(), reloaded.logLoss(), 0.0, "the loaded model gives the trained model's outputs");
            assertEquals(outcome.test().accuracy(), reloaded.accuracy(), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lstm", "transformer"})
    void theMetadataSaysHowTheModelWasMadeAndChecksItsWeights(String architecture, @TempDir Path dir) throws Exception {
        DeepLearningTraining.Outcome outcome = train(architecture, "PyTorch", PlantedSeries.sine(700, 9), 1, dir);
        ModelMetadata md = outcome.metadata();
        assertEquals("deep-learning", md.family());
        assertEquals(architecture, md.architecture());
        assertEquals(WINDOW, md.intParameter("window"));
        assertEquals(HORIZON, md.intParameter("horizon"));
        assertEquals(DeepLearningTraining.inputs(new CandleFeaturesFactory().create(Params.of(Map.of())).names()), md.features());
        assertTrue(md.metrics().containsKey("test_auc") && md.versions().containsKey("djl"), md.toString());
        assertEquals("planted", md.data().source());

        ModelException otherEngine = assertThrows(ModelException.class, () -> DeepLearningModel.open(dir, "MXNet"));
        assertTrue(otherEngine.getMessage().contains("trained on PyTorch"), otherEngine.getMessage());

        Path weights = dir.resolve(md.weights().file());
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 1;
        Files.write(weights, bytes);
        ModelException tampered = assertThrows(ModelException.class, () -> DeepLearningModel.open(dir, null));
        assertTrue(tampered.getMessage().contains("do not match"), tampered.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PyTorch", "MXNet"})
    void theSameDataAndSeedGiveTheSameModel(String engine, @TempDir Path dir) {
        ColumnarBarSeries series = PlantedSeries.sine(700, 3);
        ModelMetadata first = train("lstm", engine, series, 2, dir.resolve("a")).metadata();
        ModelMetadata second = train("lstm", engine, series, 2, dir.resolve("b")).metadata();
        assertEquals(first.weights().sha256(), second.weights().sha256(), "identical weights");
        assertEquals(first.metrics(), second.metrics());
    }

    @org.junit.jupiter.api.Test
    void nothingAfterTheTrainingRowsAndTheirLabelsReachesTheScalerOrTheTraining(@TempDir Path dir) {
        ColumnarBarSeries series = PlantedSeries.sine(900, 4);
        FeatureMatrix matrix = FeatureMatrices.compute(new CandleFeaturesFactory().create(Params.of(Map.of())), series,
                DeepLearningTraining.inputs(new CandleFeaturesFactory().create(Params.of(Map.of())).names()));
        ChronologicalSplit split = ChronologicalSplit.of(
                SequenceWindows.over(matrix, WINDOW, HorizonLabels.upDown(FeatureMatrices.closes(series), HORIZON)), HORIZON);
        // the last training window's label reads up to trainRowsTo - 1 + reach: change everything after that
        int cut = split.trainRowsTo() - 1 + HorizonLabels.reach(HORIZON);
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(series.instrument(), "changed future");
        for (int i = 0; i < series.size(); i++) {
            double k = i > cut ? 0.7 : 1;
            b.add(series.time(i), series.open(i) * k, series.high(i) * k, series.low(i) * k, series.close(i) * k, series.volume(i) * k);
        }
        DeepLearningTraining.Outcome original = train("lstm", "PyTorch", series, 1, dir.resolve("a"));
        DeepLearningTraining.Outcome changed = train("lstm", "PyTorch", b.build(), 1, dir.resolve("b"));
        assertArrayEquals(original.metadata().scaler().mean(), changed.metadata().scaler().mean(), "the scaler sees training rows only");
        assertArrayEquals(original.metadata().scaler().std(), changed.metadata().scaler().std());
        assertEquals(original.training().history().get(0).trainLoss(), changed.training().history().get(0).trainLoss(), 0.0,
                "training saw no changed bar");
        assertTrue(original.training().history().get(0).validationLoss() != changed.training().history().get(0).validationLoss(),
                "the change does reach the validation part");
    }

    @org.junit.jupiter.api.Test
    void aMissingModelSaysHowToTrainIt(@TempDir Path dir) {
        ModelException e = assertThrows(ModelException.class, () -> DeepLearningModel.open(dir.resolve("lstm-btc"), null));
        assertTrue(e.getMessage().contains("train it with ./trellis train deep-learning"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void tooLittleDataIsAClearError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train("lstm", "PyTorch", PlantedSeries.sine(80, 1), 1, dir));
        assertTrue(e.getMessage().contains("too little data"), e.getMessage());
        assertEquals(List.of(), List.of(dir.toFile().list()), "nothing written");
    }
}
