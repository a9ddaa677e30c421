package org.trellis.contrastive.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.contrastive.model.LabelledWindows;
import org.trellis.contrastive.model.TransformerAgentConfig;
import org.trellis.contrastive.model.TwoStageTrainer;
import org.trellis.contrastive.train.ContrastiveDataset;
import org.trellis.contrastive.train.ContrastiveTraining;
import org.trellis.contrastive.train.PurgedChronologicalSplit;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelNotFoundException;
import org.trellis.ml.train.BinaryMetrics;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;

/** A saved model loads back to the very probabilities it was evaluated with, and refuses anything else. */
class SavedContrastiveModelTest {
    static final TransformerAgentConfig TINY = new TransformerAgentConfig(8, 2, 1, 16, 0.1f, 6, 1e-3, 8);
    static final ColumnarBarSeries SERIES = new SyntheticBars(11, 60_000L, 1_577_836_800_000L, 100.0).generate(1100);

    @TempDir
    static Path dir;
    static Path model;
    static ContrastiveTraining.Outcome trained;

    @BeforeAll
    static void train() {
        model = dir.resolve("m");
        trained = train(SERIES, model, "PyTorch");
    }

    static ContrastiveTraining.Outcome train(ColumnarBarSeries series, Path out, String engine) {
        TwoStageTrainer.Settings settings = new TwoStageTrainer.Settings(1, 3, 32, 1e-5, 1.0, 0.07f, 1e-2,
                TwoStageTrainer.ProbeLoss.FOCAL, 9);
        return ContrastiveTraining.run(new ContrastiveTraining.Request(TINY, settings, "syn", series, engine, 1.5, 24, Map.of(), out, 0),
                null, null, "test");
    }

    @Test
    void aLoadedModelGivesTheProbabilitiesItWasEvaluatedWithBitForBit() {
        ContrastiveDataset data = ContrastiveDataset.of("syn", SERIES, Map.of(), TINY.window(), 1.5, 24);
        PurgedChronologicalSplit split = PurgedChronologicalSplit.of(data);
        for (String part : new String[] {"validation", "test"}) {
            LabelledWindows windows = data.windows(part.equals("validation") ? split.validation() : split.test());
            double[] p = new double[windows.count()];
            try (SavedContrastiveModel loaded = SavedContrastiveModel.open(model, null)) {
                // in batches of 256, as the training evaluated them
                int size = windows.window() * windows.features();
                double[] part256 = new double[256];
                for (int from = 0; from < p.length; from += 256) {
                    int to = Math.min(p.length, from + 256);
                    float[] batch = java.util.Arrays.copyOfRange(windows.values(), from * size, to * size);
                    loaded.probabilities(batch, to - from, part256);
                    System.arraycopy(part256, 0, p, from, to - from);
                }
            }
            BinaryMetrics again = BinaryMetrics.of(p, windows.labels());
            BinaryMetrics saved = part.equals("validation") ? trained.validation() : trained.test();
            assertEquals(saved.logLoss(), again.logLoss(), 0.0, part + " log loss");
            assertEquals(saved.auc(), again.auc(), 0.0, part + " AUC");
            assertEquals(saved.samples(), again.samples(), part);
        }
    }

    @Test
    void aTamperedWeightsFileIsRefused(@TempDir Path copy) throws Exception {
        Path m = copyOf(model, copy.resolve("m"));
        Path weights = weightsFile(m);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 3] ^= 1; // one bit of the probe's std
        Files.write(weights, bytes);
        ModelException e = assertThrows(ModelException.class, () -> SavedContrastiveModel.open(m, null));
        assertTrue(e.getMessage().contains("do not match") && e.getMessage().contains(weights.getFileName().toString()), e.getMessage());
    }

    @Test
    void weightsThatDoNotFitTheSizesInModelJsonAreRefused(@TempDir Path copy) throws Exception {
        Path m = copyOf(model, copy.resolve("m"));
        Path json = m.resolve("model.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\"d_model\" : 8", "\"d_model\" : 16")
                .replaceFirst("\"feed_forward\" : 16", "\"feed_forward\" : 32"));
        ModelException e = assertThrows(ModelException.class, () -> SavedContrastiveModel.open(m, null));
        assertTrue(e.getMessage().contains("cannot load the weights of " + m) && e.getMessage().contains("d_model 16"), e.getMessage());
    }

    @Test
    void aModelRunsOnTheEngineItWasTrainedOnAndAMissingOneSaysHowToTrainIt(@TempDir Path empty) {
        ModelException engine = assertThrows(ModelException.class, () -> SavedContrastiveModel.open(model, "MXNet"));
        assertTrue(engine.getMessage().contains("was trained on PyTorch") && engine.getMessage().contains("--engine MXNet"),
                engine.getMessage());
        ModelNotFoundException missing = assertThrows(ModelNotFoundException.class, () -> SavedContrastiveModel.open(empty, null));
        assertTrue(missing.getMessage().contains("train it with ./trellis train contrastive --out " + empty), missing.getMessage());
    }

    @Test
    void trainsAndLoadsOnMxnetToo() {
        Path mx = dir.resolve("mx");
        train(SERIES, mx, "MXNet");
        try (SavedContrastiveModel loaded = SavedContrastiveModel.open(mx, null)) {
            assertEquals("MXNet", loaded.metadata().engine());
            double[] p = ContrastiveBarProbabilities.of(loaded, SERIES);
            double last = p[p.length - 1];
            assertTrue(last > 0 && last < 1, "a probability: " + last);
        }
    }

    static Path copyOf(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    static Path weightsFile(Path m) throws Exception {
        try (var files = Files.list(m)) {
            return files.filter(f -> f.getFileName().toString().startsWith("weights-")).findFirst().orElseThrow();
        }
    }
}
