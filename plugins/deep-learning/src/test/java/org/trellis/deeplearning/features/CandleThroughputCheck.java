package org.trellis.deeplearning.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.trellis.api.market.BarCursor;
import org.trellis.runtime.data.ColumnarBarSeries;

/**
 * A rough throughput reading, not an assertion (Trellis measures performance in JMH, as ratios):
 * run with {@code -Dcandles.throughput=true} to print the time of 1,000,000 bars.
 */
@EnabledIfSystemProperty(named = "candles.throughput", matches = "true")
class CandleThroughputCheck {
    @Test
    void millionBars() {
        ColumnarBarSeries s = CandleTestSupport.randomWalk(11, 1_000_000, 5000, 1_600_000_000_000L, 60_000L);
        CandleFeatures set = new CandleFeatures();
        double[] out = new double[CandleFeatures.COUNT];
        BarCursor cursor = new BarCursor(s);
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            set.reset();
            for (int i = 0; i < s.size(); i++) {
                set.update(cursor.moveTo(i));
                set.write(out, 0);
            }
            long ns = System.nanoTime() - t0;
            System.out.printf("[candles] round %d: %d bars in %.1f ms (%.0f ns/bar)%n", round, s.size(), ns / 1e6,
                    (double) ns / s.size());
        }
    }
}
