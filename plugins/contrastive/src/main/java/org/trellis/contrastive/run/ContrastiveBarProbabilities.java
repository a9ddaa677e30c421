package org.trellis.contrastive.run;

import java.util.Arrays;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.data.SequenceWindows;

/**
 * A saved model's P(label +1) for every bar of a series, in batches: the batch twin of
 * {@link ContrastiveStrategy}. NaN where the window ending at the bar is not complete (the features'
 * warm-up, or a gap in them).
 */
final class ContrastiveBarProbabilities {
    static final int BATCH = 256;

    private ContrastiveBarProbabilities() {
    }

    static double[] of(SavedContrastiveModel model, BarSeries series) {
        FeatureMatrix matrix = FeatureMatrices.compute(model.featureSet(), series, model.features());
        // every bar is a window end; labels do not matter here (0 = known, so no window is skipped)
        SequenceWindows windows = SequenceWindows.over(matrix, model.window(), new byte[matrix.rows()]);
        double[] p = new double[series.size()];
        Arrays.fill(p, Double.NaN);
        int size = model.window() * matrix.columns();
        float[] batch = new float[BATCH * size];
        double[] part = new double[BATCH];
        for (int from = 0; from < windows.size(); from += BATCH) {
            int to = Math.min(windows.size(), from + BATCH);
            for (int i = from; i < to; i++) {
                windows.copy(i, batch, (i - from) * size);
            }
            model.probabilities(batch, to - from, part);
            for (int i = from; i < to; i++) {
                p[windows.end(i)] = part[i - from];
            }
        }
        return p;
    }
}
