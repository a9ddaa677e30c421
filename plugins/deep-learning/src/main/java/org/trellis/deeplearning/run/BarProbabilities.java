package org.trellis.deeplearning.run;

import java.util.Arrays;
import org.trellis.api.market.BarSeries;
import org.trellis.api.plugin.Params;
import org.trellis.deeplearning.features.CandleFeaturesFactory;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.data.SequenceWindows;

/** A saved model's P(up) for every bar of a series, in batches: the batch twin of {@link ModelStrategy}. */
final class BarProbabilities {
    private static final int BATCH = 256;

    private BarProbabilities() {
    }

    static double[] of(DeepLearningModel model, BarSeries series) {
        FeatureMatrix matrix = FeatureMatrices.compute(new CandleFeaturesFactory().create(Params.of(model.featureParams())), series,
                model.features());
        model.scaler().applyInPlace(matrix);
        // every bar is a window end; labels do not matter here (0 = known, so no window is skipped)
        SequenceWindows windows = SequenceWindows.over(matrix, model.window(), new byte[matrix.rows()]);
        double[] p = new double[series.size()];
        Arrays.fill(p, Double.NaN);
        int size = model.window() * matrix.columns();
        float[] batch = new float[BATCH * size];
        for (int from = 0; from < windows.size(); from += BATCH) {
            int to = Math.min(windows.size(), from + BATCH);
            for (int i = from; i < to; i++) {
                windows.copy(i, batch, (i - from) * size);
            }
            double[] part = model.probabilities(batch, to - from);
            for (int i = from; i < to; i++) {
                p[windows.end(i)] = part[i - from];
            }
        }
        return p;
    }
}
