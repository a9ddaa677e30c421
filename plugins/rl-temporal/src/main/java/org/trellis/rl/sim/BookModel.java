package org.trellis.rl.sim;

import java.util.SplittableRandom;

/**
 * Quotes the UP token's book from its fair value, with seeded noise:
 * <ul>
 *   <li>mid = clamp(fair + e, 0.01, 0.99), e an AR(1) deviation: e' = rho e + sqrt(1 - rho^2) noiseSigma Z</li>
 *   <li>half spread h = min(spread/2 + U*jitter/2, mid/2, (1 - mid)/2), so best bid = mid - h > 0 and best ask = mid + h < 1</li>
 *   <li>level k (0-based) at bid1 - k*min(step, bid1/10) and ask1 + k*min(step, (1 - ask1)/10): all 10 levels stay in (0, 1)</li>
 *   <li>each level's size = medianSize * exp(sizeSigma Z)</li>
 * </ul>
 * Every tick draws the same number of random values (22), so a book depends only on the seed, the tick
 * count and the fair value at that tick: never on how many trades arrived.
 */
public final class BookModel {
    private final BookConfig config;
    private final SplittableRandom random;
    private final double innovation;
    private double deviation;

    public BookModel(BookConfig config, long seed) {
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.innovation = Math.sqrt(1 - config.noiseCorrelation() * config.noiseCorrelation()) * config.noiseSigma();
    }

    /** Fills the book for one tick around this fair value of the UP token. */
    public void quote(double fair, OrderBook book) {
        deviation = config.noiseCorrelation() * deviation + innovation * random.nextGaussian();
        double mid = Math.min(FairValue.MAX, Math.max(FairValue.MIN, fair + deviation));
        double half = Math.min((config.spread() + config.spreadJitter() * random.nextDouble()) / 2, Math.min(mid, 1 - mid) / 2);
        double bid = mid - half;
        double ask = mid + half;
        double bidStep = Math.min(config.levelStep(), bid / OrderBook.LEVELS);
        double askStep = Math.min(config.levelStep(), (1 - ask) / OrderBook.LEVELS);
        book.clear();
        for (int k = 0; k < OrderBook.LEVELS; k++) {
            book.setLevel(k, bid - k * bidStep, size(), ask + k * askStep, size());
        }
    }

    private double size() {
        return config.medianSize() * Math.exp(config.sizeSigma() * random.nextGaussian());
    }
}
