package org.trellis.deeplearning.train;

import java.util.SplittableRandom;
import org.trellis.api.market.Instrument;
import org.trellis.runtime.data.ColumnarBarSeries;

/**
 * Minute bars whose close follows a noisy 40-bar sine wave: where the wave is going over the next
 * bars is readable from where it has been (momentum, position in range), a learnable pattern.
 */
final class PlantedSeries {
    private PlantedSeries() {
    }

    static ColumnarBarSeries sine(int bars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("SYN/USD"), "planted sine");
        double previous = 100;
        long start = 1_700_000_000_000L;
        for (int i = 0; i < bars; i++) {
            double close = 100 + 2 * Math.sin(2 * Math.PI * i / 40.0) + 0.1 * random.nextGaussian();
            double open = previous;
            double high = Math.max(open, close) + 0.05 * random.nextDouble();
            double low = Math.min(open, close) - 0.05 * random.nextDouble();
            b.add(start + i * 60_000L, open, high, low, close, 10 + random.nextDouble());
            previous = close;
        }
        return b.build();
    }
}
