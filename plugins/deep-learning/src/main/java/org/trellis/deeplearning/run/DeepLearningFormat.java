package org.trellis.deeplearning.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trellis.deeplearning.train.DeepLearningTraining;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.SavedModelClassifier;
import java.util.Map;
import org.trellis.api.market.BarSeries;
import org.trellis.api.plugin.Params;
import org.trellis.deeplearning.features.CandleFeaturesFactory;
import org.trellis.ml.spi.BarClassifier;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.Sample;

/**
 * Saved deep-learning models for {@code trellis models predict}: each sample is one window of raw
 * feature values, [window][feature] in the model's feature order (model.json "features"); the output
 * is the probability that the close {@code horizon} bars after the window's last bar is higher.
 */
public final class DeepLearningFormat implements ModelFormat {
    @Override
    public String name() {
        return DeepLearningTraining.FAMILY;
    }

    @Override
    public String description() {
        return "Trellis model folder of the deep-learning plugin (lstm, transformer); input [window][feature] raw values, "
                + "output P(up)";
    }

    @Override
    public boolean canOpen(Path path) {
        return ModelDirectory.holdsFamily(path, DeepLearningTraining.FAMILY);
    }

    @Override
    public BarClassifier openClassifier(Path path, String engine) {
        DeepLearningModel model = DeepLearningModel.open(path, engine);
        return new SavedModelClassifier(model.metadata().architecture() + " " + path, model.metadata(), model) {
            @Override
            public int horizon() {
                return model.horizon();
            }

            @Override
            public int warmUpBars() {
                return model.window() + new CandleFeaturesFactory().create(Params.of(model.featureParams())).warmUp();
            }

            @Override
            public double[] probabilities(BarSeries series) {
                return BarProbabilities.of(model, series);
            }

            @Override
            public String strategy() {
                return model.metadata().architecture();
            }

            @Override
            public Map<String, Object> strategyParams() {
                return Map.of("path", path.toString());
            }
        };
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        DeepLearningModel model = DeepLearningModel.open(path, engine);
        return new LoadedModel() {
            @Override
            public String describe() {
                return model.metadata().architecture() + " " + path + " on " + model.metadata().engine();
            }

            @Override
            public List<float[]> predict(List<Sample> samples) {
                int features = model.features().size();
                int[] expected = {model.window(), features};
                float[] scaled = new float[samples.size() * model.window() * features];
                double[] row = new double[features];
                for (int s = 0; s < samples.size(); s++) {
                    Sample sample = samples.get(s);
                    if (!Arrays.equals(sample.shape(), expected)) {
                        throw new IllegalArgumentException("input " + s + " has shape " + Arrays.toString(sample.shape()) + "; "
                                + path + " expects [" + model.window() + ", " + features + "] ([window][feature], features "
                                + "in model.json order)");
                    }
                    for (int t = 0; t < model.window(); t++) {
                        for (int f = 0; f < features; f++) {
                            row[f] = sample.values()[t * features + f];
                        }
                        model.scaler().apply(row, 0, scaled, (s * model.window() + t) * features);
                    }
                }
                double[] p = model.probabilities(scaled, samples.size());
                List<float[]> out = new ArrayList<>(p.length);
                for (double v : p) {
                    out.add(new float[] {(float) v});
                }
                return out;
            }

            @Override
            public boolean scalarOutput() {
                return true;
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }
}
