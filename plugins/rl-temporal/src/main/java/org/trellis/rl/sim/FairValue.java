package org.trellis.rl.sim;

/**
 * The UP token's fair value: the probability that the underlying ends the window above its window-start
 * price, for a driftless log-normal price,
 * <pre>  P(S_T > S_0) = Phi( ln(S / S_0) / (sigma * sqrt(tau)) )</pre>
 * with sigma the realized volatility per sqrt(second) and tau the seconds left; clamped to
 * [{@link #MIN}, {@link #MAX}] so the book never quotes a certainty (a tied path settles DOWN anyway).
 */
public final class FairValue {
    public static final double MIN = 0.01;
    public static final double MAX = 0.99;

    private FairValue() {
    }

    /**
     * @param price       current underlying price
     * @param startPrice  price at the window start
     * @param sigma       volatility of the log price per sqrt(second), > 0
     * @param secondsLeft seconds to the window end, > 0
     */
    public static double up(double price, double startPrice, double sigma, double secondsLeft) {
        double p = StandardNormal.cdf(Math.log(price / startPrice) / (sigma * Math.sqrt(secondsLeft)));
        return Math.min(MAX, Math.max(MIN, p));
    }
}
