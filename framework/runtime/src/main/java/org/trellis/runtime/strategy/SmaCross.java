package org.trellis.runtime.strategy;

import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;

/**
 * Buys when the fast SMA crosses above the slow one, sells when it crosses below. A cross is a
 * change of sign of {@code fast - slow} against the last bar where they differed (bars where they
 * are equal do not count), the same definition as ta4j's CrossIndicator. "Equal" allows for
 * floating-point rounding: see {@link #TIE_TOLERANCE}.
 */
public final class SmaCross implements Strategy {
    public static final String CROSS_UP = "sma-cross-up";
    public static final String CROSS_DOWN = "sma-cross-down";

    /**
     * Relative difference at or below which the two averages count as equal. Averages of the same
     * prices over different windows are summed and divided in different orders, so where they are
     * equal in exact (decimal) arithmetic their doubles still differ by a few ulps, with a sign that
     * is pure rounding noise; that noise must not decide a cross. 1e-12 is far above that noise
     * (about window * 1e-16) and far below a real difference of quoted prices (one tick over
     * fast * slow, e.g. 0.01 / (50 * 200) at 60,000 is 1.7e-11 relative).
     */
    static final double TIE_TOLERANCE = 1e-12;

    private final int fast;
    private final int slow;
    private int fastColumn;
    private int slowColumn;
    /** Sign of fast - slow at the last bar where they differed; 0 before that. */
    private int relation;

    /** Positions are sized by the run ({@code trellis.backtest.size}); the strategy only says when. */
    public SmaCross(int fast, int slow) {
        if (fast < 1 || slow < 1) {
            throw new IllegalArgumentException("sma-cross periods must be >= 1, got fast=" + fast + " slow=" + slow);
        }
        if (fast >= slow) {
            throw new IllegalArgumentException("sma-cross needs fast < slow, got fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
    }

    @Override
    public List<FeatureRequest> requiredFeatures() {
        return List.of(FeatureRequest.of("sma", Map.of("period", fast)), FeatureRequest.of("sma", Map.of("period", slow)));
    }

    @Override
    public void bind(FeatureSchema schema) {
        fastColumn = schema.indexOf("sma" + fast);
        slowColumn = schema.indexOf("sma" + slow);
    }

    @Override
    public void decide(StrategyContext context, Decision decision) {
        FeatureVector f = context.features();
        double a = f.get(fastColumn);
        double b = f.get(slowColumn);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return;
        }
        double diff = a - b;
        int now = Math.abs(diff) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) ? 0 : diff > 0 ? 1 : -1;
        if (now == 0) {
            return;
        }
        if (relation != 0 && now != relation) {
            if (now > 0) {
                decision.set(org.trellis.api.strategy.Side.BUY, Double.NaN, Double.NaN).because(CROSS_UP);
            } else {
                decision.set(org.trellis.api.strategy.Side.SELL, Double.NaN, Double.NaN).because(CROSS_DOWN);
            }
        }
        relation = now;
    }

    @Override
    public void reset() {
        relation = 0;
    }
}
