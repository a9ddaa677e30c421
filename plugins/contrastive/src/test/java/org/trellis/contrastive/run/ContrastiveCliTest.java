package org.trellis.contrastive.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.contrastive.features.ContrastiveFeatures;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.spi.BarClassifier;
import org.trellis.runtime.cli.Main;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;

/** What a user types: train, predict, run a script that trades the model, and the messages when something is missing. */
class ContrastiveCliTest {
    /** What {@code --data synthetic:bars=1200,seed=5} loads. */
    static final String DATA = "synthetic:bars=1200,seed=5";

    record Outcome(int code, String out, String err) {
    }

    static Outcome trellis(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A tiny model: enough to exercise every path in a few seconds. */
    static Outcome trainTiny(Path model) {
        return trellis("train", "contrastive", "--data", DATA, "--engine", "PyTorch", "--d-model", "8", "--heads", "2",
                "--layers", "1", "--contrastive-epochs", "1", "--probe-epochs", "2", "--seed", "3", "--out", model.toString());
    }

    @Test
    void trainSavesAModelThatPredictsAndTrades(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("models/contrastive-syn");
        Outcome trained = trainTiny(model);
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("seed 3") && trained.err().contains("contrastive epoch 1/1")
                && trained.err().contains("probe epoch 2/2"), "seed and progress per stage: " + trained.err());
        assertTrue(trained.out().contains("Saved " + model) && trained.out().contains("validation: accuracy")
                && trained.out().contains("test:") && trained.out().contains("AUC"), trained.out());

        JsonNode md = new ObjectMapper().readTree(model.resolve("model.json").toFile());
        assertEquals("contrastive", md.get("family").asText());
        assertEquals("PyTorch", md.get("engine").asText());
        assertEquals(ContrastiveFeatures.COUNT, md.get("features").size());
        assertTrue(md.get("features").get(0).asText().endsWith("_z100"), md.get("features").toString());
        JsonNode h = md.get("hyperparameters");
        assertEquals(8, h.get("d_model").asInt());
        assertEquals(1.5, h.get("barrier_k").asDouble());
        assertEquals(24, h.get("horizon").asInt());
        assertEquals(10, h.get("window").asInt());
        assertEquals("bce", h.get("probe_loss").asText());
        assertEquals(DATA, md.at("/data/source").asText());
        for (String m : List.of("validation_accuracy", "validation_log_loss", "validation_auc", "test_log_loss")) {
            assertTrue(md.get("metrics").has(m), m + " in " + md.get("metrics"));
        }
        assertTrue(!md.has("scaler"), "the feature set z-scores itself: no scaler");

        // predict: windows of the feature set's values in model.json order, one P(+1) each, as the bar classifier scores them
        ColumnarBarSeries series = new SyntheticBars(5, 60_000L, 1_577_836_800_000L, 100.0).generate(1200);
        FeatureMatrix values = FeatureMatrices.compute(new ContrastiveFeatures(), series);
        int[] ends = {series.size() - 1, series.size() - 7, 900};
        StringBuilder json = new StringBuilder("{\"inputs\": [");
        for (int s = 0; s < ends.length; s++) {
            json.append(s == 0 ? "" : ",").append('[');
            for (int t = ends[s] - 9; t <= ends[s]; t++) {
                json.append(t == ends[s] - 9 ? "" : ",").append('[');
                for (int c = 0; c < values.columns(); c++) {
                    json.append(c == 0 ? "" : ",").append(values.get(t, c));
                }
                json.append(']');
            }
            json.append(']');
        }
        Path input = dir.resolve("in.json");
        Files.writeString(input, json.append("]}").toString());
        Outcome predicted = trellis("models", "predict", model.toString(), "--input", input.toString());
        assertEquals(0, predicted.code(), predicted.err());
        JsonNode outputs = new ObjectMapper().readTree(predicted.out()).get("outputs");
        assertEquals(ends.length, outputs.size(), predicted.out());
        try (BarClassifier classifier = new ContrastiveFormat().openClassifier(model, null)) {
            double[] batch = classifier.probabilities(series);
            for (int s = 0; s < ends.length; s++) {
                // a batch of 3 and a batch of 256 may round differently in the last float bits
                assertEquals(batch[ends[s]], outputs.get(s).asDouble(), 1e-6, "window ending at bar " + ends[s]);
            }
            assertEquals("contrastive", classifier.strategy());
            assertEquals(model.toString(), classifier.strategyParams().get("path"));
            assertEquals(24, classifier.horizon());
        }

        // a script that trades it with the spec's threshold keyword
        Path script = dir.resolve("contrastive.groovy");
        Path report = dir.resolve("report.json");
        Files.writeString(script, "strategy('contrastive-syn') {\n    data '" + DATA + "'\n    model 'contrastive', path: '" + model
                + "'\n    threshold 0.5\n    capital 10_000\n}\n");
        Outcome ran = trellis("run", script.toString(), "--no-journal", "--quiet", "--report-json", report.toString());
        assertEquals(0, ran.code(), ran.err());
        assertTrue(new ObjectMapper().readTree(report.toFile()).at("/performance").has("trades"), Files.readString(report));
    }

    /**
     * {@code --pca 0.95}: the market features are projected on principal components fitted on the
     * training bars only (bars after them can change nothing in the fit), the time columns pass
     * through, and the saved model applies the same projection when it predicts, scores bars or trades.
     */
    @Test
    void pcaIsFittedOnTheTrainingBarsAndTravelsWithTheModel(@TempDir Path dir) throws Exception {
        ColumnarBarSeries series = new SyntheticBars(5, 60_000L, 1_577_836_800_000L, 100.0).generate(1200);
        Path csv = dir.resolve("syn.csv");
        Path later = dir.resolve("syn-later.csv");
        StringBuilder a = new StringBuilder("date,open,high,low,close,volume\n");
        StringBuilder b = new StringBuilder(a);
        for (int i = 0; i < series.size(); i++) {
            // bars from 1,000 on (after every training window, which end before 70% of 1,200) move up 20%
            double k = i >= 1000 ? 1.2 : 1.0;
            String t = java.time.Instant.ofEpochMilli(series.time(i)).toString();
            a.append(t).append(',').append(series.open(i)).append(',').append(series.high(i)).append(',').append(series.low(i))
                    .append(',').append(series.close(i)).append(',').append(series.volume(i)).append('\n');
            b.append(t).append(',').append(series.open(i) * k).append(',').append(series.high(i) * k).append(',')
                    .append(series.low(i) * k).append(',').append(series.close(i) * k).append(',').append(series.volume(i)).append('\n');
        }
        Files.writeString(csv, a);
        Files.writeString(later, b);
        JsonNode[] pcas = new JsonNode[2];
        Path[] models = {dir.resolve("m-pca"), dir.resolve("m-pca-later")};
        Path[] data = {csv, later};
        for (int m = 0; m < 2; m++) {
            Outcome trained = trellis("train", "contrastive", "--data", data[m].toString(), "--engine", "PyTorch", "--d-model", "8",
                    "--heads", "2", "--layers", "1", "--contrastive-epochs", "1", "--probe-epochs", "2", "--seed", "3", "--pca", "0.95",
                    "--out", models[m].toString());
            assertEquals(0, trained.code(), trained.err());
            JsonNode md = new ObjectMapper().readTree(models[m].resolve("model.json").toFile());
            pcas[m] = md.at("/hyperparameters/pca");
            assertEquals(ContrastiveFeatures.COUNT, md.get("features").size(), "model.json lists the feature set's columns");
        }
        assertEquals(pcas[0], pcas[1], "bars after the training windows never reach the PCA");
        int kept = pcas[0].get("components").size();
        assertTrue(kept >= 1 && kept < ContrastiveFeatures.COUNT - 4, kept + " components of 10 market features");
        assertEquals(ContrastiveFeatures.COUNT - 4, pcas[0].get("projected").size(), "the 4 time columns pass through");

        try (SavedContrastiveModel saved = SavedContrastiveModel.open(models[0], null);
             BarClassifier classifier = new ContrastiveFormat().openClassifier(models[0], null)) {
            assertEquals(kept + 4, saved.pca().outputs().size());
            double[] batch = classifier.probabilities(series);
            FeatureMatrix values = FeatureMatrices.compute(new ContrastiveFeatures(), series);
            float[] window = new float[10 * values.columns()];
            double[] one = new double[1];
            for (int end : new int[] {900, 1150, 1199}) {
                for (int t = 0; t < 10; t++) {
                    for (int c = 0; c < values.columns(); c++) {
                        window[t * values.columns() + c] = values.get(end - 9 + t, c);
                    }
                }
                saved.probabilities(window, 1, one);
                assertEquals(batch[end], one[0], 1e-6, "window ending at bar " + end);
                assertTrue(one[0] > 0 && one[0] < 1);
            }
        }
    }

    @Test
    void aMissingModelSaysHowToTrainIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("missing.groovy");
        Files.writeString(script, "strategy('missing') {\n    data 'btc-usd-1m'\n    model 'contrastive', path: '" + dir.resolve("nothing")
                + "'\n}\n");
        Outcome missing = trellis("run", script.toString(), "--no-journal", "--quiet");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("train it with ./trellis train contrastive --out"), missing.err());

        Files.writeString(script, "strategy('no-path') {\n    data 'btc-usd-1m'\n    model 'contrastive'\n}\n");
        Outcome noPath = trellis("run", script.toString(), "--no-journal", "--quiet");
        assertEquals(2, noPath.code());
        assertTrue(noPath.err().contains("model 'contrastive' needs path"), noPath.err());
    }

    @Test
    void tooShortDataNamesTheDatasetAndTheBarsNeeded(@TempDir Path dir) {
        Outcome shortData = trellis("train", "contrastive", "--data", "btc-usd-1h", "--out", dir.resolve("m").toString());
        assertEquals(2, shortData.code(), shortData.err());
        assertTrue(shortData.err().contains("btc-usd-1h has 161 bars") && shortData.err().contains("needs at least 642")
                && shortData.err().contains("381 for the features to warm up"), shortData.err());
        assertTrue(!Files.exists(dir.resolve("m")), "nothing is written");
    }

    @Test
    void theFamilyHasItsOwnHelpAndRejectsBadOptions(@TempDir Path dir) {
        Outcome help = trellis("train", "contrastive", "--help");
        assertEquals(0, help.code());
        for (String option : Set.of("--window", "--d-model", "--heads", "--layers", "--dropout", "--lr", "--contrastive-epochs",
                "--probe-epochs", "--batch", "--temperature", "--probe-loss", "--barrier-k", "--horizon", "--engine", "--seed")) {
            assertTrue(help.out().contains(option), option + " in " + help.out());
        }
        assertTrue(trellis("train").out().contains("contrastive"));
        String out = dir.resolve("m").toString();
        Outcome heads = trellis("train", "contrastive", "--data", DATA, "--d-model", "8", "--heads", "3", "--out", out);
        assertEquals(2, heads.code());
        assertTrue(heads.err().contains("heads must be > 0 and divide d_model 8, got 3"), heads.err());
        Outcome loss = trellis("train", "contrastive", "--data", DATA, "--probe-loss", "mse", "--out", out);
        assertEquals(2, loss.code());
        assertTrue(loss.err().contains("unknown --probe-loss 'mse'; use bce or focal"), loss.err());
        Outcome engine = trellis("train", "contrastive", "--data", DATA, "--engine", "OnnxRuntime", "--out", out);
        assertEquals(2, engine.code());
        assertTrue(engine.err().contains("models train on [PyTorch, MXNet]"), engine.err());
        assertTrue(!Files.exists(dir.resolve("m")), "bad options write nothing");
    }
}
