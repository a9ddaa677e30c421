package org.trellis.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    @Test
    void handComputedCase() {
        double[] p = {0.9, 0.2, 0.6, 0.4};
        int[] y = {1, 0, 0, 1};
        BinaryMetrics m = BinaryMetrics.of(p, y);
        assertEquals(0.5, m.accuracy(), 1e-12, "0.9 and 0.2 right, 0.6 and 0.4 wrong");
        double logLoss = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4)) / 4;
        assertEquals(logLoss, m.logLoss(), 1e-12);
        // positives 0.9, 0.4; negatives 0.2, 0.6: pairs won 0.9>0.2, 0.9>0.6, 0.4>0.2 -> 3 of 4
        assertEquals(0.75, m.auc(), 1e-12);
        assertEquals(0.5, m.positiveRate(), 1e-12);
    }

    @Test
    void tiesCountHalfAndOneClassHasNoAuc() {
        assertEquals(0.5, BinaryMetrics.of(new double[] {0.5, 0.5}, new int[] {1, 0}).auc(), 1e-12);
        assertEquals(Double.NaN, BinaryMetrics.of(new double[] {0.5, 0.7}, new int[] {1, 1}).auc());
    }
}
