package org.trellis.contrastive.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trellis.api.market.BarSeries;
import org.trellis.contrastive.train.ContrastiveTraining;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.SavedModelClassifier;
import org.trellis.ml.spi.BarClassifier;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.Sample;

/**
 * Saved contrastive models for {@code trellis models predict} and {@code trellis compare-models}.
 * For predict, each sample is one window [window][feature] of the {@code contrastive} feature set's
 * values (the {@code _z100} columns as the feature set writes them; the model applies no further
 * scaling) in model.json's feature order; the output is P(label +1) per sample.
 */
public final class ContrastiveFormat implements ModelFormat {
    @Override
    public String name() {
        return ContrastiveTraining.FAMILY;
    }

    @Override
    public String description() {
        return "Trellis model folder of the contrastive plugin; input [window][feature] contrastive feature values, "
                + "output P(triple-barrier label +1)";
    }

    @Override
    public boolean canOpen(Path path) {
        return ModelDirectory.holdsFamily(path, ContrastiveTraining.FAMILY);
    }

    @Override
    public BarClassifier openClassifier(Path path, String engine) {
        SavedContrastiveModel model = SavedContrastiveModel.open(path, engine);
        return new SavedModelClassifier("contrastive " + path, model.metadata(), model) {
            /** The label's reach: a window's label reads up to this many bars after it. */
            @Override
            public int horizon() {
                return model.horizon();
            }

            @Override
            public int warmUpBars() {
                return model.featureSet().warmUp() + model.window() - 1;
            }

            @Override
            public double[] probabilities(BarSeries series) {
                return ContrastiveBarProbabilities.of(model, series);
            }

            @Override
            public String strategy() {
                return ContrastiveStrategyFactory.NAME;
            }

            @Override
            public Map<String, Object> strategyParams() {
                return Map.of("path", path.toString());
            }
        };
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        SavedContrastiveModel model = SavedContrastiveModel.open(path, engine);
        return new LoadedModel() {
            @Override
            public String describe() {
                return "contrastive " + path + " on " + model.metadata().engine();
            }

            @Override
            public List<float[]> predict(List<Sample> samples) {
                int[] expected = {model.window(), model.features().size()};
                int size = expected[0] * expected[1];
                float[] windows = new float[samples.size() * size];
                for (int s = 0; s < samples.size(); s++) {
                    Sample sample = samples.get(s);
                    if (!Arrays.equals(sample.shape(), expected)) {
                        throw new IllegalArgumentException("input " + s + " has shape " + Arrays.toString(sample.shape()) + "; "
                                + path + " expects [" + expected[0] + ", " + expected[1] + "] ([window][feature], the contrastive "
                                + "feature values in model.json order)");
                    }
                    System.arraycopy(sample.values(), 0, windows, s * size, size);
                }
                double[] p = new double[samples.size()];
                model.probabilities(windows, samples.size(), p);
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
