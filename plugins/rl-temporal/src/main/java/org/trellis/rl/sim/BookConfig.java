package org.trellis.rl.sim;

/**
 * How {@link BookModel} quotes the UP token around its fair value.
 *
 * @param noiseSigma       standard deviation of the mid's deviation from fair value, >= 0
 * @param noiseCorrelation tick-to-tick correlation of that deviation (AR(1)) in [0, 1): quotes wander
 *                         rather than jump, as a real book's mid does
 * @param spread           least full spread at the top of the book, > 0
 * @param spreadJitter     a uniform [0, spreadJitter) added to the spread each tick, >= 0
 * @param levelStep        price step between levels (shrunk near 0 and 1 so 10 levels fit), > 0
 * @param medianSize       median shares per level (log-normal), > 0
 * @param sizeSigma        standard deviation of the log level size, >= 0
 * @param volatilitySeconds window of the realized volatility the fair value uses, >= 1
 * @param volatilityFloor  least volatility per sqrt(second) the fair value uses, > 0
 */
public record BookConfig(double noiseSigma, double noiseCorrelation, double spread, double spreadJitter, double levelStep,
                         double medianSize, double sizeSigma, int volatilitySeconds, double volatilityFloor) {
    /** Polymarket-like: a 2-cent spread (up to 3), 1-cent levels, ~200 shares a level, 1-cent mid noise. */
    public static final BookConfig DEFAULT = new BookConfig(0.01, 0.9, 0.02, 0.01, 0.01, 200, 0.7, 300, 1e-5);

    public BookConfig {
        if (!(noiseSigma >= 0) || !(noiseCorrelation >= 0 && noiseCorrelation < 1) || !(spread > 0 && spread < 1) || !(spreadJitter >= 0)
                || !(levelStep > 0) || !(medianSize > 0) || !(sizeSigma >= 0) || volatilitySeconds < 1 || !(volatilityFloor > 0)) {
            throw new IllegalArgumentException("invalid book config " + this + ": noiseSigma >= 0, noiseCorrelation in [0, 1), spread in (0, 1), "
                    + "spreadJitter >= 0, levelStep > 0, medianSize > 0, sizeSigma >= 0, volatilitySeconds >= 1, volatilityFloor > 0");
        }
    }
}
