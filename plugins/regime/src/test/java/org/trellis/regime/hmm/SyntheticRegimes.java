package org.trellis.regime.hmm;

import java.util.Random;

/**
 * A seeded price series driven by a hidden 3-state Markov chain: log returns are Gaussian with a
 * small, a medium and a large standard deviation in states 0, 1 and 2 (so sorting by volatility
 * gives back the true numbering), and each state lasts 500 bars on average.
 */
public record SyntheticRegimes(int[] regimes, double[] closes) {
    public static final double[] MEANS = {0.0002, 0.0, -0.0003};
    public static final double[] SIGMAS = {0.0005, 0.0015, 0.004};
    public static final double STAY = 0.998;

    public static SyntheticRegimes generate(int bars, long seed) {
        Random random = new Random(seed);
        int[] regimes = new int[bars];
        double[] closes = new double[bars];
        int s = random.nextInt(3);
        double logPrice = Math.log(100);
        for (int t = 0; t < bars; t++) {
            if (t > 0 && random.nextDouble() > STAY) {
                s = (s + 1 + random.nextInt(2)) % 3;
            }
            regimes[t] = s;
            if (t > 0) {
                logPrice += MEANS[s] + SIGMAS[s] * random.nextGaussian();
            }
            closes[t] = Math.exp(logPrice);
        }
        return new SyntheticRegimes(regimes, closes);
    }
}
