package org.trellis.deeplearning.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.plugin.Params;
import org.trellis.deeplearning.features.CandleFeaturesFactory;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.runtime.cli.Main;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;

/** What a user types: train, list, predict, and run a script that uses the model. */
class DeepLearningCliTest {
    record Outcome(int code, String out, String err) {
    }

    static Outcome trellis(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void trainListPredictAndTradeWithAModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("models/lstm-eth");
        Outcome trained = trellis("train", "deep-learning", "--model", "lstm", "--data", "eth-usd-5m", "--epochs", "2",
                "--hidden", "4", "--layers", "1", "--window", "10", "--out", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("epoch 1/2") && trained.err().contains("val loss"), "progress per epoch: " + trained.err());
        assertTrue(trained.out().contains("Saved " + model) && trained.out().contains("test:"), trained.out());

        Outcome listed = trellis("models", "--dir", dir.resolve("models").toString());
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("lstm-eth") && listed.out().contains("deep-learning") && listed.out().contains("eth-usd-5m"),
                listed.out());

        // predict takes raw feature windows in model.json's order and prints P(up) per window
        ColumnarBarSeries series = BundledData.bars("eth-usd-5m");
        org.trellis.api.feature.FeatureSet candles = new CandleFeaturesFactory().create(Params.of(Map.of()));
        FeatureMatrix raw = FeatureMatrices.compute(candles, series,
                org.trellis.deeplearning.train.DeepLearningTraining.inputs(candles.names()));
        StringBuilder json = new StringBuilder("{\"inputs\": [");
        for (int s = 0; s < 3; s++) {
            int end = raw.rows() - 1 - s;
            json.append(s == 0 ? "" : ",").append('[');
            for (int t = end - 9; t <= end; t++) {
                json.append(t == end - 9 ? "" : ",").append('[');
                for (int c = 0; c < raw.columns(); c++) {
                    json.append(c == 0 ? "" : ",").append(raw.get(t, c));
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
        assertEquals(3, outputs.size());
        for (JsonNode p : outputs) {
            assertTrue(p.asDouble() > 0 && p.asDouble() < 1, predicted.out());
        }

        Path script = dir.resolve("lstm.groovy");
        Files.writeString(script, "strategy('lstm-eth') {\n    data 'eth-usd-5m'\n    model 'lstm', path: '" + model
                + "', buy: 0.5, sell: 0.5\n    capital 10_000\n}\n");
        Path report = dir.resolve("report.json");
        Outcome ran = trellis("run", script.toString(), "--no-journal", "--quiet", "--report-json", report.toString());
        assertEquals(0, ran.code(), ran.err());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertTrue(r.at("/performance/trades").asInt() > 0, "the model trades: " + r.at("/performance"));

        Files.writeString(script, "strategy('missing') {\n    data 'eth-usd-5m'\n    model 'lstm', path: '" + dir.resolve("nothing") + "'\n}\n");
        Outcome missing = trellis("run", script.toString(), "--no-journal", "--quiet");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("train it with ./trellis train deep-learning"), missing.err());
    }

    @Test
    void compareModelsScoresAndBacktestsModelsOnTheBarsNoneOfThemSaw(@TempDir Path dir) throws Exception {
        Path lstm = dir.resolve("lstm");
        Path transformer = dir.resolve("transformer");
        assertEquals(0, trellis("train", "deep-learning", "--model", "lstm", "--data", "btc-usd-1m", "--epochs", "1", "--hidden", "4",
                "--layers", "1", "--window", "8", "--out", lstm.toString()).code());
        assertEquals(0, trellis("train", "deep-learning", "--model", "transformer", "--data", "btc-usd-1m", "--epochs", "1",
                "--d-model", "8", "--heads", "2", "--layers", "1", "--ff", "16", "--window", "8", "--horizon", "3",
                "--out", transformer.toString()).code());
        Path html = dir.resolve("cmp.html");
        Outcome compared = trellis("compare-models", lstm.toString(), transformer.toString(), "--html", html.toString());
        assertEquals(0, compared.code(), compared.err());
        String text = compared.out();
        assertTrue(text.contains("Held-out bars:") && text.contains("accuracy") && text.contains("log loss") && text.contains("AUC"), text);
        assertTrue(text.contains("Sharpe") && text.contains("lstm") && text.contains("transformer"), text);
        // the held-out bars start after each model's last validation window and its label's reach
        ColumnarBarSeries btc = BundledData.bars("btc-usd-1m");
        String heldOutFrom = text.substring(text.indexOf(", ", text.indexOf("Held-out bars:")) + 2).split(" ")[0];
        int start = 0;
        while (btc.time(start) < java.time.Instant.parse(heldOutFrom).toEpochMilli()) {
            start++;
        }
        for (Path m : new Path[] {lstm, transformer}) {
            JsonNode md = new ObjectMapper().readTree(m.resolve("model.json").toFile());
            long validationEnd = java.time.Instant.parse(md.at("/data/validationEnd").asText()).toEpochMilli();
            int last = 0;
            while (btc.time(last + 1) <= validationEnd) {
                last++;
            }
            int horizon = md.at("/hyperparameters/horizon").asInt();
            assertTrue(start >= last + horizon + 2, m + ": held out from bar " + start + ", last validation window " + last);
        }
        assertTrue(Files.readString(html).contains("<svg") || Files.readString(html).contains("uPlot") || Files.size(html) > 1000);

        Outcome onnx = trellis("compare-models", lstm.toString(), "../../data/interop/bilstm_example.onnx");
        assertEquals(2, onnx.code());
        assertTrue(onnx.err().contains("cannot be scored on bars"), onnx.err());
    }

    @Test
    void theEngineComesFromConfigurationUnlessGiven(@TempDir Path dir) throws Exception {
        Outcome trained = trellis("train", "--set", "trellis.ml.engine=MXNet", "deep-learning", "--data", "eth-usd-5m", "--epochs", "1",
                "--hidden", "4", "--layers", "1", "--window", "6", "--out", dir.resolve("m").toString());
        assertEquals(0, trained.code(), trained.err());
        assertEquals("MXNet", new ObjectMapper().readTree(dir.resolve("m/model.json").toFile()).get("engine").asText());
        Outcome wrong = trellis("train", "deep-learning", "--engine", "OnnxRuntime", "--data", "eth-usd-5m", "--epochs", "1",
                "--out", dir.resolve("n").toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("models train on [PyTorch, MXNet]"), wrong.err());
    }

    @Test
    void theFamilyHasItsOwnHelpAndRejectsBadOptions() {
        Outcome help = trellis("train", "deep-learning", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--model") && help.out().contains("--engine"), help.out());
        Outcome families = trellis("train");
        assertTrue(families.out().contains("deep-learning"), families.out());
        Outcome bad = trellis("train", "deep-learning", "--model", "gru", "--epochs", "1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown model 'gru'"), bad.err());
    }
}
