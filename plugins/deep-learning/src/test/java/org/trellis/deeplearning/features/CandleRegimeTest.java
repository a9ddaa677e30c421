package org.trellis.deeplearning.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.Instrument;
import org.trellis.runtime.data.ColumnarBarSeries;

/**
 * The forward-filtered volatility regime on a seeded synthetic series: a medium-volatility stretch
 * (so the long-run variance settles), then a calm stretch, then a wild one.
 */
class CandleRegimeTest {
    private static final int MEDIUM = 1500;
    private static final int CALM = 250;
    private static final int WILD = 250;

    @Test
    void calmReadsLowAndWildReadsHigh() {
        ColumnarBarSeries s = series(42);
        double[][] rows = new CandleFeatures().batch(s);
        double[][] inc = CandleTestSupport.incremental(new CandleFeatures(), s);
        int pLow = CandleTestSupport.column("regime_p_low");
        int pHigh = CandleTestSupport.column("regime_p_high");
        int flag = CandleTestSupport.column("regime");
        int calmLow = 0;
        int wildHigh = 0;
        for (int i = 0; i < s.size(); i++) {
            double lo = inc[i][pLow];
            double hi = inc[i][pHigh];
            assertTrue(lo >= 0 && lo <= 1 && hi >= 0 && hi <= 1, "probabilities at bar " + i + ": " + lo + ", " + hi);
            assertEquals(1.0, lo + hi, 1e-12, "probabilities sum to 1 at bar " + i);
            assertEquals(hi > 0.5 ? 1.0 : 0.0, inc[i][flag], "regime at bar " + i);
            if (i >= 50) {
                assertEquals(inc[i][pHigh], rows[i][pHigh], "batch equals incremental");
            }
            if (i >= MEDIUM && i < MEDIUM + CALM && hi < 0.5) {
                calmLow++;
            }
            if (i >= MEDIUM + CALM && hi > 0.5) {
                wildHigh++;
            }
        }
        assertTrue(calmLow > 0.8 * CALM, "calm stretch read as low on " + calmLow + " of " + CALM + " bars");
        assertTrue(wildHigh > 0.8 * WILD, "wild stretch read as high on " + wildHigh + " of " + WILD + " bars");
    }

    @Test
    void parametersChangeTheFilterAndMatchTheSlowReference() {
        ColumnarBarSeries s = series(7);
        double[] c = new double[s.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = s.close(i);
        }
        double[][] slow = CandleFeaturesReferenceTest.slowRegime(c, 50, 0.8);
        double[][] rows = CandleTestSupport.incremental(new CandleFeatures(50, 0.8), s);
        double[][] defaults = CandleTestSupport.incremental(new CandleFeatures(), s);
        int pHigh = CandleTestSupport.column("regime_p_high");
        boolean differs = false;
        for (int i = 0; i < c.length; i++) {
            assertEquals(slow[i][1], rows[i][pHigh], 1e-12, "regime_p_high at bar " + i);
            differs |= rows[i][pHigh] != defaults[i][pHigh];
        }
        assertTrue(differs);
    }

    @Test
    void firstBarsKeepThePriorAndExtremeReturnsStayFinite() {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("X"), "extreme");
        double[] closes = {100, 100, 100, 101, 1e6, 1e-3, 100};
        for (int i = 0; i < closes.length; i++) {
            b.add(i * 60_000L, closes[i], closes[i], closes[i], closes[i], 1);
        }
        double[][] rows = CandleTestSupport.incremental(new CandleFeatures(), b.build());
        int pLow = CandleTestSupport.column("regime_p_low");
        int pHigh = CandleTestSupport.column("regime_p_high");
        for (int i = 0; i < 4; i++) { // v is 0 until the first non-zero return has been folded in
            assertEquals(0.5, rows[i][pLow], 0.0, "prior kept at bar " + i);
            assertEquals(0.5, rows[i][pHigh], 0.0, "prior kept at bar " + i);
        }
        for (int i = 4; i < closes.length; i++) {
            assertTrue(Double.isFinite(rows[i][pHigh]) && Double.isFinite(rows[i][pLow]), "finite at bar " + i);
            assertEquals(1.0, rows[i][pLow] + rows[i][pHigh], 1e-12);
        }
        assertTrue(rows[4][pHigh] > 0.99, "a 10,000-fold jump reads as the high regime");
    }

    /** Log returns: medium sigma 0.002, calm 0.0006, wild 0.006, seeded. */
    static ColumnarBarSeries series(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("SYN"), "regime stretches " + seed);
        double c = 1000;
        for (int i = 0; i < MEDIUM + CALM + WILD; i++) {
            double sigma = i < MEDIUM ? 0.002 : i < MEDIUM + CALM ? 0.0006 : 0.006;
            double o = c;
            c = o * Math.exp(sigma * gaussian(rnd));
            b.add(1_700_000_000_000L + i * 60_000L, o, Math.max(o, c), Math.min(o, c), c, 1 + rnd.nextDouble());
        }
        return b.build();
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
