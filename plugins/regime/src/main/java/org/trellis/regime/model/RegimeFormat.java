package org.trellis.regime.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.Sample;
import org.trellis.regime.hmm.ForwardFilter;

/**
 * Saved regime models for {@code trellis models predict}: each sample is a sequence of observations
 * [time][log return, volatility] in time order; the output is the filtered state probabilities
 * P(s_T = i | x_1..x_T) after its last observation (one number per state, state 0 the calmest).
 * Every sample starts from the model's start probabilities.
 */
public final class RegimeFormat implements ModelFormat {
    @Override
    public String name() {
        return RegimeModel.FAMILY;
    }

    @Override
    public String description() {
        return "Trellis model folder of the regime plugin (gaussian-hmm); input [time][log return, 24-bar volatility], "
                + "output the filtered probability of each state after the last row";
    }

    @Override
    public boolean canOpen(Path path) {
        if (!Files.isDirectory(path) || !ModelDirectory.isModel(path)) {
            return false;
        }
        try {
            return RegimeModel.FAMILY.equals(ModelDirectory.open(path, "").metadata().family());
        } catch (ModelException e) {
            return false;
        }
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        if (engine != null && !engine.isBlank()) {
            throw new IllegalArgumentException(path + " is a regime HMM, computed in plain Java: it runs on no engine (drop --engine "
                    + engine + ")");
        }
        RegimeModel model = RegimeModel.open(path);
        int d = model.hmm().dimensions();
        return new LoadedModel() {
            @Override
            public String describe() {
                return "regime gaussian-hmm " + path + " (" + model.hmm().states() + " states, plain Java)";
            }

            @Override
            public List<float[]> predict(List<Sample> samples) {
                ForwardFilter filter = new ForwardFilter(model.hmm());
                double[] row = new double[d];
                List<float[]> out = new ArrayList<>(samples.size());
                for (int s = 0; s < samples.size(); s++) {
                    Sample sample = samples.get(s);
                    int[] shape = sample.shape();
                    boolean sequence = shape.length == 2 && shape[1] == d;
                    boolean single = shape.length == 1 && shape[0] == d;
                    if (!sequence && !single) {
                        throw new IllegalArgumentException("input " + s + " has shape " + java.util.Arrays.toString(shape) + "; " + path
                                + " expects [time][" + d + "]: rows of " + model.metadata().features() + " in time order");
                    }
                    int rows = single ? 1 : shape[0];
                    filter.reset();
                    for (int t = 0; t < rows; t++) {
                        for (int j = 0; j < d; j++) {
                            row[j] = sample.values()[t * d + j];
                        }
                        filter.update(row);
                    }
                    float[] p = new float[model.hmm().states()];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = (float) filter.probability(i);
                    }
                    out.add(p);
                }
                return out;
            }

            @Override
            public boolean scalarOutput() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
