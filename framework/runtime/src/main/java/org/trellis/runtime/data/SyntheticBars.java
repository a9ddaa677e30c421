package org.trellis.runtime.data;

import java.util.SplittableRandom;
import org.trellis.api.market.Instrument;

/**
 * Seeded synthetic bars: a two-regime (calm / turbulent) geometric Brownian motion with Markov
 * switching and Poisson jumps. Good for long series in benchmarks and ML tests; never real data,
 * so the instrument and source say "synthetic".
 */
public final class SyntheticBars {
    /** Sub-steps per bar, so that high and low are path extremes rather than open/close. */
    private static final int STEPS = 4;

    private final long seed;
    private final long barMillis;
    private final long startMillis;
    private final double startPrice;

    public SyntheticBars(long seed, long barMillis, long startMillis, double startPrice) {
        if (barMillis <= 0) {
            throw new IllegalArgumentException("synthetic bar size must be positive");
        }
        if (!(startPrice > 0)) {
            throw new IllegalArgumentException("synthetic start price must be > 0");
        }
        this.seed = seed;
        this.barMillis = barMillis;
        this.startMillis = startMillis;
        this.startPrice = startPrice;
    }

    public ColumnarBarSeries generate(int bars) {
        if (bars <= 0) {
            throw new IllegalArgumentException("synthetic bar count must be positive, got " + bars);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Instrument instrument = Instrument.spot("SYN/USD");
        ColumnarBarSeries.Builder out = ColumnarBarSeries.builder(instrument, "synthetic (seed " + seed + ")");
        // Per-step parameters for 1-minute-like bars; turbulent regime has 3x volatility and a slight drift down.
        double[] drift = {2e-6, -4e-6};
        double[] vol = {4e-4, 1.2e-3};
        double[] stay = {0.999, 0.995};
        double jumpProbability = 2e-4;
        double jumpScale = 0.01;
        int regime = 0;
        double price = startPrice;
        for (int b = 0; b < bars; b++) {
            if (rnd.nextDouble() > stay[regime]) {
                regime = 1 - regime;
            }
            double open = price;
            double high = open;
            double low = open;
            for (int s = 0; s < STEPS; s++) {
                double shock = drift[regime] - 0.5 * vol[regime] * vol[regime] + vol[regime] * gaussian(rnd);
                if (rnd.nextDouble() < jumpProbability) {
                    shock += jumpScale * gaussian(rnd);
                }
                price *= Math.exp(shock);
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            double volume = Math.exp(3.0 + 0.5 * gaussian(rnd) + (regime == 1 ? 0.7 : 0.0));
            out.add(startMillis + b * barMillis, open, high, low, price, volume);
        }
        return out.build();
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u)) * Math.cos(2.0 * Math.PI * v);
    }
}
