package org.trellis.runtime.feature;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;

/**
 * Exponential moving average of the close, {@code k = 2 / (period + 1)}, seeded with the first
 * close (the convention of ta4j and most charting tools); feature {@code ema<period>}. Recursive:
 * early values depend on where the series starts, so the declared warm-up is a minimum.
 */
public final class EmaFeatures implements FeatureSet {
    private final int period;
    private final double k;
    private final List<String> names;
    private double ema = Double.NaN;
    private int seen;

    public EmaFeatures(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ema period must be >= 1, got " + period);
        }
        this.period = period;
        this.k = 2.0 / (period + 1);
        this.names = List.of("ema" + period);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int warmUp() {
        return period;
    }

    @Override
    public void update(Bar bar) {
        double c = bar.close();
        ema = seen == 0 ? c : ema + k * (c - ema);
        seen++;
    }

    @Override
    public void write(double[] out, int offset) {
        out[offset] = ema;
    }

    @Override
    public void reset() {
        ema = Double.NaN;
        seen = 0;
    }
}
