package org.trellis.contrastive.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarSeries;
import org.trellis.api.plugin.Params;
import org.trellis.contrastive.data.TripleBarrierLabels;
import org.trellis.contrastive.features.ContrastiveFeaturesFactory;
import org.trellis.contrastive.model.TransformerAgent;
import org.trellis.ml.data.Pca;
import org.trellis.contrastive.model.LabelledWindows;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.data.FeatureMatrix;
import org.trellis.ml.data.HorizonLabels;
import org.trellis.ml.data.SequenceWindows;

/**
 * The samples of a contrastive model, from bars: the {@code contrastive} feature set (it normalises
 * itself with a rolling z-score of each column's own past, so no scaler is fitted), triple-barrier
 * labels with the binary target +1 vs the rest, and one window of {@code window} bars ending at
 * every labelled bar whose rows are all finite. Each window keeps its label span, for purging.
 * Training and tuning both start here, so both see exactly the same samples.
 */
public final class ContrastiveDataset {
    private final FeatureMatrix matrix;
    private final SequenceWindows windows;
    private final int[] spanEnds;
    private final int warmUp;
    private final byte[] targets;

    private ContrastiveDataset(FeatureMatrix matrix, SequenceWindows windows, int[] spanEnds, int warmUp, byte[] targets) {
        this.matrix = matrix;
        this.windows = windows;
        this.spanEnds = spanEnds;
        this.warmUp = warmUp;
        this.targets = targets;
    }

    /**
     * @param dataName names the data in the message when it is too short
     * @throws IllegalArgumentException when the bars leave too few windows for a purged 70/15/15 split
     */
    public static ContrastiveDataset of(String dataName, BarSeries series, Map<String, Object> featureParams, int window,
                                        double barrierK, int horizon) {
        FeatureSet features = new ContrastiveFeaturesFactory().create(Params.of(featureParams));
        int needed = barsNeeded(features.warmUp(), window, horizon);
        if (series.size() < needed) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %,d bars; a contrastive model needs at least %,d: "
                    + "%d for the features to warm up, %d more for the first %d-bar window, %d windows for a purged 70/15/15 "
                    + "split and %d at the end whose labels would run past the data. Use a longer dataset (e.g. btc-usd-1m)",
                    dataName, series.size(), needed, features.warmUp(), window - 1, window,
                    PurgedChronologicalSplit.minimumWindows(window, horizon), horizon));
        }
        FeatureMatrix matrix = FeatureMatrices.compute(features, series);
        TripleBarrierLabels labels = TripleBarrierLabels.of(series, barrierK, TripleBarrierLabels.DEFAULT_ATR_PERIOD, horizon);
        byte[] targets = labels.binaryTargets();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == TripleBarrierLabels.NO_LABEL) {
                targets[i] = HorizonLabels.UNKNOWN;
            }
        }
        SequenceWindows windows = SequenceWindows.over(matrix, window, targets);
        int[] spanEnds = new int[windows.size()];
        for (int i = 0; i < spanEnds.length; i++) {
            spanEnds[i] = labels.spanEnd(windows.end(i));
        }
        if (windows.size() < PurgedChronologicalSplit.minimumWindows(window, horizon)) {
            // enough bars, but gaps in the features (flat stretches) leave too few complete windows
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s gives only %,d complete labelled %d-bar windows; "
                    + "a purged 70/15/15 split needs at least %,d. Use a longer dataset", dataName, windows.size(), window,
                    PurgedChronologicalSplit.minimumWindows(window, horizon)));
        }
        return new ContrastiveDataset(matrix, windows, spanEnds, features.warmUp(), targets);
    }

    /**
     * Principal components of the market columns (every column but the 4 cyclic time ones, which the
     * agent embeds on their own and which stay last), fitted on bars {@code 0 .. lastBar} only.
     */
    public Pca fitPca(int lastBar, double keep) {
        List<String> names = matrix.names();
        List<String> market = names.subList(0, names.size() - TransformerAgent.TIME_FEATURES);
        return Pca.fit(matrix, 0, lastBar + 1, market, keep);
    }

    /** The same windows and labels over the columns {@code pca} projects to. */
    public ContrastiveDataset projected(Pca pca) {
        FeatureMatrix projected = pca.apply(matrix);
        SequenceWindows same = SequenceWindows.over(projected, windows.length(), targets);
        if (same.size() != windows.size()) {
            throw new IllegalStateException("PCA changed which windows are complete: " + same.size() + " vs " + windows.size());
        }
        return new ContrastiveDataset(projected, same, spanEnds, warmUp, targets);
    }

    /** The fewest bars that can give enough windows: warm-up, one window, the split's minimum, the label horizon. */
    public static int barsNeeded(int featureWarmUp, int window, int horizon) {
        return featureWarmUp + window - 1 + PurgedChronologicalSplit.minimumWindows(window, horizon) + horizon;
    }

    public List<String> features() {
        return matrix.names();
    }

    public int featureWarmUp() {
        return warmUp;
    }

    public int size() {
        return windows.size();
    }

    public int window() {
        return windows.length();
    }

    /** Bar index of window {@code i}'s last (decision) bar. */
    public int end(int i) {
        return windows.end(i);
    }

    /** Bar index of window {@code i}'s first bar. */
    public int firstBar(int i) {
        return windows.end(i) - windows.length() + 1;
    }

    /** Last bar of window {@code i}'s label span (its barrier touch or time-out). */
    public int spanEnd(int i) {
        return spanEnds[i];
    }

    public int label(int i) {
        return windows.label(i);
    }

    public long time(int bar) {
        return matrix.time(bar);
    }

    /** The windows at {@code indices} (ascending), copied, with their 0/1 labels. */
    public LabelledWindows windows(int[] indices) {
        int size = windows.length() * matrix.columns();
        float[] values = new float[indices.length * size];
        int[] labels = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            windows.copy(indices[j], values, j * size);
            labels[j] = windows.label(indices[j]);
        }
        return new LabelledWindows(values, labels, windows.length(), matrix.columns());
    }
}
