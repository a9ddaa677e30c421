package org.trellis.deeplearning.features;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;

/**
 * Registers {@link CandleFeatures} under the name {@code candles}. The feature list is fixed (75
 * features); only the regime filter is configurable.
 */
public final class CandleFeaturesFactory implements FeatureSetFactory {
    public static final String NAME = "candles";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "75 candle features from OHLCV: returns, moving averages, MACD, RSI, Bollinger, ATR, volatility, "
                + "momentum, volume, price patterns, skew/kurtosis, UTC calendar and NYSE holidays, and a forward-filtered "
                + "2-state volatility regime";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("regime-span", CandleFeatures.DEFAULT_REGIME_SPAN,
                        "span in bars of the regime filter's long-run variance EWMA (alpha 2/(span+1))").atLeast(1),
                ParamSpec.number("regime-stay", CandleFeatures.DEFAULT_REGIME_STAY,
                        "probability that the volatility regime stays the same from one bar to the next (0 < p < 1)")
                        .between(0, 1));
    }

    @Override
    public FeatureSet create(Params params) {
        return new CandleFeatures(params.getInt("regime-span", CandleFeatures.DEFAULT_REGIME_SPAN),
                params.getDouble("regime-stay", CandleFeatures.DEFAULT_REGIME_STAY));
    }
}
