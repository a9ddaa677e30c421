package org.trellis.rl.model;

import java.util.List;

/** The names of the 18 state features, in the order the networks read them (spec/rl-temporal.md). */
public final class StateFeatures {
    public static final List<String> NAMES = List.of(
            "return_1m", "return_5m", "return_10m",
            "book_imbalance_top", "book_imbalance_top5",
            "trade_flow_imbalance", "cvd_acceleration",
            "spread", "trade_intensity", "large_trade",
            "prob_volatility", "volume_expansion",
            "has_position", "position_side", "position_pnl",
            "time_remaining", "volatility_regime", "trend_regime");

    private StateFeatures() {
    }
}
