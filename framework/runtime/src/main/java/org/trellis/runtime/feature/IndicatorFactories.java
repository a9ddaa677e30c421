package org.trellis.runtime.feature;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;

/** The built-in indicator feature sets, each registered under its name. */
public final class IndicatorFactories {
    private IndicatorFactories() {
    }

    public static final class Sma implements FeatureSetFactory {
        @Override
        public String name() {
            return "sma";
        }

        @Override
        public String description() {
            return "simple moving average of the close (feature sma<period>)";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("period", 20, "bars averaged"));
        }

        @Override
        public FeatureSet create(Params params) {
            return new SmaFeatures(params.getInt("period", 20));
        }
    }

    public static final class Ema implements FeatureSetFactory {
        @Override
        public String name() {
            return "ema";
        }

        @Override
        public String description() {
            return "exponential moving average of the close (feature ema<period>)";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("period", 20, "span; smoothing 2/(period+1)"));
        }

        @Override
        public FeatureSet create(Params params) {
            return new EmaFeatures(params.getInt("period", 20));
        }
    }

    public static final class Rsi implements FeatureSetFactory {
        @Override
        public String name() {
            return "rsi";
        }

        @Override
        public String description() {
            return "Wilder's relative strength index of the close (feature rsi<period>)";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("period", 14, "smoothing period"));
        }

        @Override
        public FeatureSet create(Params params) {
            return new RsiFeatures(params.getInt("period", 14));
        }
    }
}
