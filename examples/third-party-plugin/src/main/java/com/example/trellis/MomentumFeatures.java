package com.example.trellis;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;

/**
 * Momentum of the close over {@code period} bars: {@code close / close[period bars ago] - 1}, one
 * feature named {@code momentum<period>}. It keeps the last {@code period + 1} closes and nothing
 * else, and never looks past the bar it is given.
 */
public final class MomentumFeatures implements FeatureSet {
    private final int period;
    private final double[] closes;
    private long seen;

    public MomentumFeatures(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("momentum period must be >= 1, got " + period);
        }
        this.period = period;
        this.closes = new double[period + 1];
    }

    @Override
    public List<String> names() {
        return List.of("momentum" + period);
    }

    @Override
    public int warmUp() {
        return period + 1;
    }

    @Override
    public void update(Bar bar) {
        closes[(int) (seen % closes.length)] = bar.close();
        seen++;
    }

    @Override
    public void write(double[] out, int offset) {
        if (seen <= period) {
            out[offset] = Double.NaN;
            return;
        }
        double now = closes[(int) ((seen - 1) % closes.length)];
        double then = closes[(int) ((seen - 1 - period) % closes.length)];
        out[offset] = now / then - 1;
    }

    @Override
    public void reset() {
        seen = 0;
    }

    /** Found by Trellis through META-INF/services/org.trellis.api.plugin.FeatureSetFactory. */
    public static final class Factory implements FeatureSetFactory {
        @Override
        public String name() {
            return "momentum";
        }

        @Override
        public String description() {
            return "close / close[period bars ago] - 1 (feature momentum<period>)";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("period", 10, "bars to look back"));
        }

        @Override
        public FeatureSet create(Params params) {
            return new MomentumFeatures(params.getInt("period", 10));
        }
    }
}
