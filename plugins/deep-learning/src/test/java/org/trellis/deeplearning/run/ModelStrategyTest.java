package org.trellis.deeplearning.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Bar;
import org.trellis.api.market.Clock;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.deeplearning.features.CandleFeaturesFactory;
import org.trellis.deeplearning.model.LstmConfig;
import org.trellis.deeplearning.train.DeepLearningTraining;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.data.SequenceWindows;
import org.trellis.ml.train.TrainingSettings;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;

/** The strategy, fed bar by bar, sees exactly the windows and probabilities of the batch pipeline. */
class ModelStrategyTest {
    @Test
    void barByBarDecisionsEqualTheBatchProbabilities(@TempDir Path dir) {
        ColumnarBarSeries series = BundledData.bars("eth-usd-5m");
        int window = 8;
        DeepLearningTraining.run(new DeepLearningTraining.Request("lstm", new LstmConfig(4, 1, 0f), "eth-usd-5m", series, "PyTorch",
                window, 3, TrainingSettings.defaults().withEpochs(1), Map.of(), dir), null, "test");
        try (DeepLearningModel model = DeepLearningModel.open(dir, null)) {
            FeatureMatrix raw = FeatureMatrices.compute(new CandleFeaturesFactory().create(Params.of(Map.of())), series);
            FeatureMatrix scaled = FeatureMatrices.compute(new CandleFeaturesFactory().create(Params.of(Map.of())), series);
            model.scaler().applyInPlace(scaled);
            SequenceWindows all = SequenceWindows.over(scaled, window, new byte[series.size()]);
            float[] windows = new float[all.size() * window * scaled.columns()];
            for (int i = 0; i < all.size(); i++) {
                all.copy(i, windows, i * window * scaled.columns());
            }
            double[] batch = model.probabilities(windows, all.size());

            ModelStrategy strategy = new ModelStrategy(model, FeatureRequest.of("candles", Map.of()), 0.5, 0.5);
            strategy.bind(new FeatureSchema(raw.names()));
            Row row = new Row(raw);
            Decision decision = new Decision();
            int compared = 0;
            for (int bar = 0; bar < series.size(); bar++) {
                row.at = bar;
                strategy.decide(row, decision.reset());
                int w = bar - all.end(0);
                if (w < 0) {
                    assertEquals(Side.HOLD, decision.side(), "no decision before a full window, bar " + bar);
                    continue;
                }
                assertEquals(all.end(w), bar);
                double p = batch[w];
                Side expected = p > 0.5 ? Side.BUY : p < 0.5 ? Side.SELL : Side.HOLD;
                assertEquals(expected, decision.side(), "bar " + bar);
                if (expected != Side.HOLD) {
                    assertEquals(expected == Side.BUY ? p : 1 - p, decision.probability(), 1e-6, "bar " + bar);
                    compared++;
                }
            }
            assertTrue(compared > series.size() / 2, "most bars compared: " + compared);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bilstm_example.onnx", "bilstm_example.pt"})
    void aPythonModelWithItsMetadataFileTradesOnTheWindowsItWasGiven(String file, @TempDir Path dir) throws Exception {
        Path model = dir.resolve(file);
        java.nio.file.Files.copy(Path.of("../../data/interop").resolve(file), model);
        ColumnarBarSeries series = BundledData.bars("eth-usd-5m");
        FeatureMatrix raw = FeatureMatrices.compute(new CandleFeaturesFactory().create(Params.of(Map.of())), series);
        java.util.List<String> twelve = raw.names().subList(0, 12);
        org.trellis.ml.data.Scaler scaler = org.trellis.ml.data.Scaler.fit(
                FeatureMatrices.compute(new Select(twelve), series), 100, 400);
        String sidecar = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("features", twelve,
                "scaler", Map.of("mean", scaler.mean(), "std", scaler.std()), "window", 20, "output", "logit"));
        java.nio.file.Files.writeString(org.trellis.ml.interop.ImportedClassifier.sidecarOf(model), sidecar);

        org.trellis.api.strategy.Strategy strategy = new ModelStrategyFactory.Lstm()
                .create(Params.of(Map.of("path", model.toString(), "buy", 0.5, "sell", 0.5)));
        strategy.bind(new FeatureSchema(raw.names()));
        Row row = new Row(raw);
        Decision decision = new Decision();
        int bar = 300;
        for (int i = 0; i <= bar; i++) {
            row.at = i;
            strategy.decide(row, decision.reset());
        }
        // the same window by hand: the 20 rows ending at the bar, scaled, through the model file directly
        float[] window = new float[20 * 12];
        double[] values = new double[12];
        for (int t = 0; t < 20; t++) {
            for (int c = 0; c < 12; c++) {
                values[c] = raw.get(bar - 19 + t, c);
            }
            scaler.apply(values, 0, window, t * 12);
        }
        try (org.trellis.ml.spi.LoadedModel direct = file.endsWith(".onnx")
                ? new org.trellis.ml.interop.OnnxFormat().open(model, null) : new org.trellis.ml.interop.TorchScriptFormat().open(model, null)) {
            double logit = direct.predict(java.util.List.of(new org.trellis.ml.spi.Sample(window, new int[] {20, 12}))).get(0)[0];
            double p = 1 / (1 + Math.exp(-logit));
            assertEquals(p > 0.5 ? Side.BUY : Side.SELL, decision.side());
            assertEquals(p > 0.5 ? p : 1 - p, decision.probability(), 1e-6);
        }
    }

    @Test
    void aPythonModelWithoutItsMetadataFileSaysWhatToAdd(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.onnx");
        java.nio.file.Files.copy(Path.of("../../data/interop/bilstm_example.onnx"), model);
        org.trellis.ml.model.ModelException e = org.junit.jupiter.api.Assertions.assertThrows(org.trellis.ml.model.ModelException.class,
                () -> new ModelStrategyFactory.Lstm().create(Params.of(Map.of("path", model.toString()))));
        assertTrue(e.getMessage().contains("m.json") && e.getMessage().contains("\"features\""), e.getMessage());
    }

    /** The first columns of the candle features, as a feature set (to fit a scaler on them). */
    private static final class Select implements org.trellis.api.feature.FeatureSet {
        private final org.trellis.api.feature.FeatureSet all = new CandleFeaturesFactory().create(Params.of(Map.of()));
        private final java.util.List<String> names;
        private final double[] buffer = new double[all.names().size()];

        Select(java.util.List<String> names) {
            this.names = names;
        }

        @Override
        public java.util.List<String> names() {
            return names;
        }

        @Override
        public int warmUp() {
            return all.warmUp();
        }

        @Override
        public void update(Bar bar) {
            all.update(bar);
        }

        @Override
        public void write(double[] out, int offset) {
            all.write(buffer, 0);
            System.arraycopy(buffer, 0, out, offset, names.size());
        }

        @Override
        public void reset() {
            all.reset();
        }
    }

    /** A strategy context that serves row {@code at} of a feature matrix. */
    private static final class Row implements StrategyContext, FeatureVector {
        private final FeatureMatrix matrix;
        int at;

        Row(FeatureMatrix matrix) {
            this.matrix = matrix;
        }

        @Override
        public double get(int index) {
            return matrix.get(at, index);
        }

        @Override
        public int size() {
            return matrix.columns();
        }

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public Instrument instrument() {
            return Instrument.spot("ETH/USD");
        }

        @Override
        public Bar bar() {
            return null;
        }

        @Override
        public int barIndex() {
            return at;
        }

        @Override
        public FeatureVector features() {
            return this;
        }

        @Override
        public PositionView position() {
            return null;
        }

        @Override
        public PortfolioView portfolio() {
            return null;
        }

        @Override
        public Clock clock() {
            return null;
        }
    }
}
