package org.trellis.runtime.feature;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;

/** Simple moving average of the close over {@code period} bars; feature {@code sma<period>}. */
public final class SmaFeatures implements FeatureSet {
    private final int period;
    private final List<String> names;
    private final RollingWindow window;

    public SmaFeatures(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("sma period must be >= 1, got " + period);
        }
        this.period = period;
        this.names = List.of("sma" + period);
        this.window = new RollingWindow(period);
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
        window.add(bar.close());
    }

    @Override
    public void write(double[] out, int offset) {
        out[offset] = window.full() ? window.mean() : Double.NaN;
    }

    @Override
    public void reset() {
        window.clear();
    }
}
