package org.trellis.deeplearning.run;

import java.util.List;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;

/**
 * A saved classifier as a strategy: each bar's candle features are scaled with the training scaler
 * into a ring of the last {@code window} rows; once the ring is full the model gives P(up) for the
 * window ending at this bar, and p above {@code buy} buys (confidence p), p below {@code sell} sells
 * (confidence 1 - p), anything between holds.
 */
final class ModelStrategy implements Strategy {
    static final String UP = "model-up";
    static final String DOWN = "model-down";

    private final WindowClassifier model;
    private final FeatureRequest features;
    private final double buy;
    private final double sell;
    private final int window;
    private final int width;
    private final int[] columns;
    private final double[] raw;
    private final float[] ring;
    private final float[] ordered;
    private int rows;

    ModelStrategy(WindowClassifier model, FeatureRequest features, double buy, double sell) {
        this.model = model;
        this.features = features;
        this.buy = buy;
        this.sell = sell;
        this.window = model.window();
        this.width = model.features().size();
        this.columns = new int[width];
        this.raw = new double[width];
        this.ring = new float[window * width];
        this.ordered = new float[window * width];
    }

    @Override
    public List<FeatureRequest> requiredFeatures() {
        return List.of(features);
    }

    @Override
    public void bind(FeatureSchema schema) {
        List<String> names = model.features();
        for (int i = 0; i < width; i++) {
            if (!schema.contains(names.get(i))) {
                throw new IllegalArgumentException(model.location() + " needs feature '" + names.get(i) + "', which the '"
                        + features.featureSet() + "' feature set does not make (it makes " + schema.names() + ")");
            }
            columns[i] = schema.indexOf(names.get(i));
        }
    }

    @Override
    public void decide(StrategyContext context, Decision decision) {
        FeatureVector f = context.features();
        for (int i = 0; i < width; i++) {
            raw[i] = f.get(columns[i]);
            if (!Double.isFinite(raw[i])) {
                rows = 0; // the window restarts after a gap in the features (warm-up)
                return;
            }
        }
        int slot = rows % window;
        model.scaler().apply(raw, 0, ring, slot * width);
        rows++;
        if (rows < window) {
            return;
        }
        // oldest row first, as in training
        int oldest = rows % window;
        System.arraycopy(ring, oldest * width, ordered, 0, (window - oldest) * width);
        System.arraycopy(ring, 0, ordered, (window - oldest) * width, oldest * width);
        double p = model.probabilities(ordered, 1)[0];
        if (p > buy) {
            decision.set(Side.BUY, p, Double.NaN).because(UP);
        } else if (p < sell) {
            decision.set(Side.SELL, 1 - p, Double.NaN).because(DOWN);
        }
    }

    @Override
    public void reset() {
        rows = 0;
    }
}
