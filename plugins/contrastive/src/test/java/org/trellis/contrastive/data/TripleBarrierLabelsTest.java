package org.trellis.contrastive.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.ATRIndicator;
import org.trellis.api.market.BarSeries;
import org.trellis.contrastive.ContrastiveTestSupport;
import org.trellis.runtime.data.BundledData;

class TripleBarrierLabelsTest {
    private static final byte NONE = TripleBarrierLabels.NO_LABEL;

    private static double[] atr(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    @Test
    void upperTouchedFirst() {
        // bar 0: close 100, ATR 2, k 1.5 -> barriers 103 / 97; bar 3 closes at 103 (touch counts)
        double[] c = {100, 101, 99, 103, 90, 100};
        TripleBarrierLabels l = TripleBarrierLabels.of(c, atr(6, 2), 1.5, 4);
        assertEquals(1, l.label(0));
        assertEquals(1, l.spanStart(0));
        assertEquals(3, l.spanEnd(0));
    }

    @Test
    void lowerTouchedFirst() {
        double[] c = {100, 101, 102.9, 97, 110, 100};
        TripleBarrierLabels l = TripleBarrierLabels.of(c, atr(6, 2), 1.5, 4);
        assertEquals(-1, l.label(0));
        assertEquals(3, l.spanEnd(0));
        assertEquals(0, l.binaryTargets()[0]);
    }

    @Test
    void bothOnOneBarCountsAsLower() {
        // ATR 0: both barriers are the close itself; a flat next close touches both
        double[] c = {100, 100, 100};
        TripleBarrierLabels l = TripleBarrierLabels.of(c, atr(3, 0), 1.5, 2);
        assertEquals(-1, l.label(0));
        assertEquals(1, l.spanEnd(0));
    }

    @Test
    void timeOutWithinTheHorizon() {
        // the touches at bar 5 come after the horizon (4 bars) of bar 0
        double[] c = {100, 102.9, 97.1, 101, 99, 120, 120};
        TripleBarrierLabels l = TripleBarrierLabels.of(c, atr(7, 2), 1.5, 4);
        assertEquals(0, l.label(0));
        assertEquals(1, l.spanStart(0));
        assertEquals(4, l.spanEnd(0));
        assertEquals(0, l.binaryTargets()[0]);
        // bar 1 (102.9, barriers 105.9 / 99.9) goes down first at bar 2
        assertEquals(-1, l.label(1));
        // the last 4 bars have no label
        for (int i = 3; i < 7; i++) {
            assertEquals(NONE, l.label(i), "bar " + i);
            assertEquals(-1, l.spanStart(i));
            assertEquals(NONE, l.binaryTargets()[i]);
        }
        assertArrayEquals(new int[] {0, 1, 2}, l.labelledBars());
    }

    @Test
    void barsWithoutAtrHaveNoLabel() {
        double[] c = {100, 110, 90, 100, 100};
        double[] a = {Double.NaN, 1, 1, 1, 1};
        TripleBarrierLabels l = TripleBarrierLabels.of(c, a, 1.5, 2);
        assertEquals(NONE, l.label(0));
        assertEquals(-1, l.label(1));
        assertTrue(Double.isNaN(l.uniquenessWeights()[0]));
    }

    @Test
    void uniquenessWeightsOnAHandCase() {
        // horizon 2, ATR 1, k 1: bar 0 -> up at bar 1 (span [1,1]); bars 1 and 2 time out (spans [2,3], [3,4])
        double[] c = {10, 12, 12, 12, 12};
        TripleBarrierLabels l = TripleBarrierLabels.of(c, atr(5, 1), 1, 2);
        assertArrayEquals(new byte[] {1, 0, 0, NONE, NONE}, l.labels());
        assertArrayEquals(new int[] {0, 1, 1, 2, 1}, l.concurrency());
        double[] w = l.uniquenessWeights();
        assertEquals(1.0, w[0]);
        assertEquals(0.75, w[1]); // (1/1 + 1/2) / 2
        assertEquals(0.75, w[2]); // (1/2 + 1/1) / 2
        assertTrue(Double.isNaN(w[3]) && Double.isNaN(w[4]));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TripleBarrierLabels.of(new double[3], new double[2], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TripleBarrierLabels.of(new double[3], new double[3], -1, 1));
        assertThrows(IllegalArgumentException.class, () -> TripleBarrierLabels.of(new double[3], new double[3], 1, 0));
    }

    /**
     * The labels on real data equal those of a slow, independent implementation: ta4j's ATR, and a scan
     * that collects both first-touch bars and compares them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"btc-usd-1h", "eth-usd-5m", "aapl-1d"})
    void equalsASlowIndependentImplementation(String dataset) {
        BarSeries s = BundledData.bars(dataset);
        int n = s.size();
        TripleBarrierLabels fast = TripleBarrierLabels.of(s);
        ATRIndicator ta4jAtr = new ATRIndicator(ContrastiveTestSupport.toTa4j(s), 14);
        int[] counts = new int[3];
        int[] conc = new int[n];
        for (int i = 0; i < n; i++) {
            if (i < 14 || i + 24 > n - 1) {
                assertEquals(NONE, fast.label(i), "bar " + i + " has no label");
                continue;
            }
            double a = ta4jAtr.getValue(i).doubleValue();
            double upper = s.close(i) + 1.5 * a;
            double lower = s.close(i) - 1.5 * a;
            int firstUp = Integer.MAX_VALUE;
            int firstDown = Integer.MAX_VALUE;
            for (int j = i + 24; j > i; j--) { // backwards, on purpose: a different loop from the code's
                if (s.close(j) >= upper) {
                    firstUp = j;
                }
                if (s.close(j) <= lower) {
                    firstDown = j;
                }
            }
            int expected;
            int exit;
            if (firstUp == Integer.MAX_VALUE && firstDown == Integer.MAX_VALUE) {
                expected = 0;
                exit = i + 24;
            } else if (firstUp < firstDown) {
                expected = 1;
                exit = firstUp;
            } else {
                expected = -1;
                exit = firstDown;
            }
            assertEquals(expected, fast.label(i), dataset + " label of bar " + i);
            assertEquals(i + 1, fast.spanStart(i));
            assertEquals(exit, fast.spanEnd(i), dataset + " exit of bar " + i);
            counts[expected + 1]++;
            for (int t = i + 1; t <= exit; t++) {
                conc[t]++;
            }
        }
        assertArrayEquals(conc, fast.concurrency());
        double[] w = fast.uniquenessWeights();
        for (int i = 0; i < n; i++) {
            if (fast.hasLabel(i)) {
                double sum = 0;
                for (int t = fast.spanStart(i); t <= fast.spanEnd(i); t++) {
                    sum += 1.0 / conc[t];
                }
                assertEquals(sum / (fast.spanEnd(i) - fast.spanStart(i) + 1), w[i], 1e-12);
                assertTrue(w[i] > 0 && w[i] <= 1);
            }
        }
        for (int c : counts) {
            assertTrue(c > 0, dataset + ": every label occurs: " + Arrays.toString(counts));
        }
        double[] atr = TripleBarrierLabels.wilderAtr(s, 14);
        for (int i = 14; i < n; i++) {
            double ref = ta4jAtr.getValue(i).doubleValue();
            assertEquals(ref, atr[i], 1e-9 * Math.abs(ref), "ATR at " + i);
        }
    }
}
