package org.trellis.runtime.feature;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;

/**
 * Wilder's relative strength index of the close: gains and losses smoothed with
 * {@code avg += (x - avg) / period}, seeded at the first bar with zero (as ta4j does);
 * {@code 100 - 100 / (1 + avgGain / avgLoss)}, 100 when there were only gains, 0 when flat.
 * Feature {@code rsi<period>}.
 */
public final class RsiFeatures implements FeatureSet {
    private final int period;
    private final List<String> names;
    private double previousClose = Double.NaN;
    private double avgGain;
    private double avgLoss;
    private int seen;

    public RsiFeatures(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("rsi period must be >= 1, got " + period);
        }
        this.period = period;
        this.names = List.of("rsi" + period);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int warmUp() {
        return period + 1;
    }

    @Override
    public void update(Bar bar) {
        double c = bar.close();
        if (seen == 0) {
            avgGain = 0;
            avgLoss = 0;
        } else {
            double change = c - previousClose;
            double gain = change > 0 ? change : 0;
            double loss = change < 0 ? -change : 0;
            avgGain += (gain - avgGain) / period;
            avgLoss += (loss - avgLoss) / period;
        }
        previousClose = c;
        seen++;
    }

    @Override
    public void write(double[] out, int offset) {
        if (seen == 0) {
            out[offset] = Double.NaN;
        } else if (avgLoss == 0) {
            out[offset] = avgGain == 0 ? 0 : 100;
        } else {
            out[offset] = 100 - 100 / (1 + avgGain / avgLoss);
        }
    }

    @Override
    public void reset() {
        previousClose = Double.NaN;
        avgGain = 0;
        avgLoss = 0;
        seen = 0;
    }
}
