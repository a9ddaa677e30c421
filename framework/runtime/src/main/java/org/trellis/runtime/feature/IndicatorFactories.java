package org.trellis.runtime.feature;

import java.util.List;
import java.util.function.IntFunction;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;

/** The built-in indicator feature sets, each registered under its name. */
public final class IndicatorFactories {
    private IndicatorFactories() {
    }

    /** An indicator of the close with one parameter, its period. */
    abstract static class Periodic implements FeatureSetFactory {
        private final String name;
        private final String description;
        private final int defaultPeriod;
        private final String periodMeaning;
        private final IntFunction<FeatureSet> make;

        Periodic(String name, String description, int defaultPeriod, String periodMeaning, IntFunction<FeatureSet> make) {
            this.name = name;
            this.description = description;
            this.defaultPeriod = defaultPeriod;
            this.periodMeaning = periodMeaning;
            this.make = make;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("period", defaultPeriod, periodMeaning).atLeast(1));
        }

        @Override
        public FeatureSet create(Params params) {
            return make.apply(params.getInt("period", defaultPeriod));
        }
    }

    public static final class Sma extends Periodic {
        public Sma() {
            super("sma", "simple moving average of the close (feature sma<period>)", 20, "bars averaged", SmaFeatures::new);
        }
    }

    public static final class Ema extends Periodic {
        public Ema() {
            super("ema", "exponential moving average of the close (feature ema<period>)", 20,
                    "span; smoothing 2/(period+1)", EmaFeatures::new);
        }
    }

    public static final class Rsi extends Periodic {
        public Rsi() {
            super("rsi", "Wilder's relative strength index of the close (feature rsi<period>)", 14, "smoothing period",
                    RsiFeatures::new);
        }
    }
}
