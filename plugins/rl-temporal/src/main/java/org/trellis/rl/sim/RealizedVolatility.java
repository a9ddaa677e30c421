package org.trellis.rl.sim;

/**
 * The underlying's recent volatility per sqrt(second), for the fair value: the realized variance of
 * 1-second log returns over a trailing window, sigma^2 = sum(r^2) / returns, from the per-second
 * prices (seconds without trades contribute a 0 return, so the sum is the window's quadratic variation).
 * Never below a floor, so a quiet tape still gives the fair value a finite, documented width.
 */
public final class RealizedVolatility {
    private final SecondPrices prices;
    private final int seconds;
    private final double floor;

    /**
     * @param seconds window length in seconds, >= 1
     * @param floor   the least volatility per sqrt(second) reported, > 0
     */
    public RealizedVolatility(int seconds, double floor) {
        if (seconds < 1 || !(floor > 0)) {
            throw new IllegalArgumentException("realized volatility needs a window >= 1 s and a floor > 0, got " + seconds + " s and " + floor);
        }
        this.prices = new SecondPrices(seconds + 1);
        this.seconds = seconds;
        this.floor = floor;
    }

    public void onTrade(long millis, double price) {
        prices.onTrade(millis, price);
    }

    /** Sigma per sqrt(second) at this second (the current tick), from the returns within the window. */
    public double at(long second) {
        prices.advanceTo(second);
        double sum = 0;
        int returns = 0;
        double later = prices.at(second);
        for (int k = 1; k <= seconds; k++) {
            double earlier = prices.at(second - k);
            if (Double.isNaN(earlier)) {
                break;
            }
            double r = Math.log(later / earlier);
            sum += r * r;
            returns++;
            later = earlier;
        }
        return returns == 0 ? floor : Math.max(floor, Math.sqrt(sum / returns));
    }
}
