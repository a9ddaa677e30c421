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
import org.trellis.ml.train.TrainingSettings;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;

/** The strategy, fed bar by bar, sees exactly the windows and probabilities of the batch pipeline. */
class ModelStrategyTest {
    /** ETH 5-minute bars with a flat, volumeless stretch in the middle (features undefined there). */
    static ColumnarBarSeries withFlatStretch(int from, int to) {
        ColumnarBarSeries eth = BundledData.bars("eth-usd-5m");
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(eth.instrument(), "eth with a flat stretch");
        for (int i = 0; i < eth.size(); i++) {
            if (i >= from && i < to) {
                double c = eth.close(from - 1);
                b.add(eth.time(i), c, c, c, c, 0);
            } else {
                b.add(eth.time(i), eth.open(i), eth.high(i), eth.low(i), eth.close(i), eth.volume(i));
            }
        }
        return b.build();
    }

    static ColumnarBarSeries perturbedAfter(ColumnarBarSeries s, int t) {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(s.instrument(), "perturbed");
        for (int i = 0; i < s.size(); i++) {
            if (i <= t) {
                b.add(s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
            } else {
                b.add(s.time(i), s.open(i) * 1.5, s.high(i) * 1.515, s.low(i) * 1.5, s.close(i) * 1.5, s.volume(i) * 3);
            }
        }
        return b.build();
    }

    @Test
    void barByBarDecisionsOnTheEnginesFeaturesEqualTheBatchProbabilities(@TempDir Path dir) {
        ColumnarBarSeries series = withFlatStretch(300, 330);
        int window = 8;
        DeepLearningTraining.run(new DeepLearningTraining.Request("lstm", new LstmConfig(4, 1, 0f), "eth", series, "PyTorch",
                window, 3, TrainingSettings.defaults().withEpochs(1), Map.of(), dir), null, "test");
        try (DeepLearningModel model = DeepLearningModel.open(dir, null)) {
            assertTrue(!model.features().contains("obv"), "a running total whose level depends on the data's start is no input");
            double[] batch = BarProbabilities.of(model, series);
            // what the engine hands a strategy: the feature set's own doubles, bar by bar
            org.trellis.api.feature.FeatureSet candles = new CandleFeaturesFactory().create(Params.of(Map.of()));
            double[][] rows = candles.batch(series);
            ModelStrategy strategy = new ModelStrategy(model, FeatureRequest.of("candles", Map.of()), 0.5, 0.5);
            strategy.bind(new FeatureSchema(candles.names()));
            Row row = new Row(rows, candles.names().size());
            Decision decision = new Decision();
            int compared = 0;
            int gap = 0;
            for (int bar = 0; bar < series.size(); bar++) {
                row.at = bar;
                strategy.decide(row, decision.reset());
                double p = batch[bar];
                if (Double.isNaN(p)) {
                    assertEquals(Side.HOLD, decision.side(), "no decision without a full window, bar " + bar);
                    gap += bar > 330 && bar < 360 ? 1 : 0;
                    continue;
                }
                Side expected = p > 0.5 ? Side.BUY : p < 0.5 ? Side.SELL : Side.HOLD;
                assertEquals(expected, decision.side(), "bar " + bar);
                if (expected != Side.HOLD) {
                    assertEquals(expected == Side.BUY ? p : 1 - p, decision.probability(), 1e-6, "bar " + bar);
                    compared++;
                }
            }
            assertTrue(compared > series.size() / 2, "most bars compared: " + compared);
            assertTrue(gap > 0, "the flat stretch interrupts the windows in both paths");
            assertTrue(!Double.isNaN(batch[series.size() - 1]) && !Double.isNaN(batch[250]), "windows before and after the gap are scored");
        }
    }

    @Test
    void aModelsScoresNeverReadLaterBars(@TempDir Path dir) {
        ColumnarBarSeries series = BundledData.bars("eth-usd-5m");
        DeepLearningTraining.run(new DeepLearningTraining.Request("transformer",
                new org.trellis.deeplearning.model.TransformerConfig(8, 2, 1, 16, 0f), "eth", series, "PyTorch", 10, 3,
                TrainingSettings.defaults().withEpochs(1), Map.of(), dir), null, "test");
        try (DeepLearningModel model = DeepLearningModel.open(dir, null)) {
            double[] p = BarProbabilities.of(model, series);
            for (int t : new int[] {120, 333, 500}) {
                double[] q = BarProbabilities.of(model, perturbedAfter(series, t));
                for (int i = 0; i <= t; i++) {
                    assertEquals(p[i], q[i], 0.0, "bar " + i + " with the bars after " + t + " changed");
                }
                assertTrue(p[t + 5] != q[t + 5], "the perturbation reaches later scores");
            }
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

    /** A strategy context that serves row {@code at} of feature rows. */
    private static final class Row implements StrategyContext, FeatureVector {
        private final double[][] rows;
        private final int width;
        int at;

        Row(double[][] rows, int width) {
            this.rows = rows;
            this.width = width;
        }

        Row(FeatureMatrix matrix) {
            this(toRows(matrix), matrix.columns());
        }

        private static double[][] toRows(FeatureMatrix m) {
            double[][] rows = new double[m.rows()][m.columns()];
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.columns(); c++) {
                    rows[r][c] = m.get(r, c);
                }
            }
            return rows;
        }

        @Override
        public double get(int index) {
            return rows[at][index];
        }

        @Override
        public int size() {
            return width;
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
