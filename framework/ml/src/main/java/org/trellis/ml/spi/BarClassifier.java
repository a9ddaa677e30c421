package org.trellis.ml.spi;

import java.util.Map;
import org.trellis.api.market.BarSeries;

/**
 * A model that reads bars and gives, for each bar, the probability that the close {@link #horizon()}
 * bars later is higher: what {@code trellis compare-models} scores on held-out bars and backtests
 * through the strategy part that trades it.
 */
public interface BarClassifier extends AutoCloseable {
    /** One line for people. */
    String describe();

    /** Bars ahead its label looks. */
    int horizon();

    /** The dataset it was trained on (name or path), or null when unknown. */
    String trainedOn();

    /**
     * Epoch millis of the last window end whose label the training saw (training or validation), or
     * {@code Long.MIN_VALUE} when unknown: windows ending after it, and after its label's reach, are held out.
     */
    long lastSeenMillis();

    /** Bars of history the model needs before its first score (its window plus its features' warm-up). */
    int warmUpBars();

    /** P(up) per bar of the series; NaN where the model has no full input yet. */
    double[] probabilities(BarSeries series);

    /** The strategy part that trades this model, and its parameters (e.g. {@code lstm}, {@code path}). */
    String strategy();

    Map<String, Object> strategyParams();

    @Override
    void close();
}
