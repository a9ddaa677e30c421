package org.trellis.contrastive.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FractionalDifferencingTest {

    @Test
    void weightsForD04FollowTheClosedForm() {
        double d = 0.4;
        double[] w = FractionalDifferencing.weights(d);
        // known values: w1 = -d, w2 = -d(1-d)/2, w3 = -d(1-d)(2-d)/6
        assertEquals(1.0, w[0]);
        assertEquals(-0.4, w[1], 1e-15);
        assertEquals(-0.12, w[2], 1e-15);
        assertEquals(-0.064, w[3], 1e-15);
        assertEquals(-0.0416, w[4], 1e-15); // -d(1-d)(2-d)(3-d)/24
        // closed form: wk = prod_{i=0}^{k-1} (i - d) / (i + 1) = (-1)^k binom(d, k), via the Gamma function:
        // wk = Gamma(k - d) / (Gamma(k + 1) Gamma(-d))
        for (int k = 0; k < w.length; k++) {
            double closed = Math.exp(logGamma(k - d) - logGamma(k + 1) - logGamma(-d)) * (k == 0 ? 1 : -1); // Gamma(-d) < 0 < Gamma(k - d) for k >= 1
            assertEquals(closed, w[k], 1e-10 * Math.max(1, Math.abs(closed)), "w" + k);
            assertTrue(k == 0 || w[k] < 0, "all weights after w0 are negative for 0 < d < 1");
            assertTrue(Math.abs(w[k]) >= 1e-4, "kept weights are at or above the threshold");
        }
        double next = -w[w.length - 1] * (d - w.length + 1) / w.length;
        assertTrue(Math.abs(next) < 1e-4, "the list stops at the first weight below the threshold");
        assertTrue(w.length > 200 && w.length < 400, "width " + w.length);
    }

    @Test
    void integerOrders() {
        assertArrayEquals(new double[] {1}, FractionalDifferencing.weights(0));
        assertArrayEquals(new double[] {1, -1}, FractionalDifferencing.weights(1));
        assertArrayEquals(new double[] {1, -2, 1}, FractionalDifferencing.weights(2));
    }

    @Test
    void valuesAreWindowSumsAndNaNUntilFull() {
        double[] x = {1, 2, 4, 8, 16};
        double[] first = FractionalDifferencing.apply(x, FractionalDifferencing.weights(1));
        assertTrue(Double.isNaN(first[0]));
        assertArrayEquals(new double[] {1, 2, 4, 8}, java.util.Arrays.copyOfRange(first, 1, 5));
        double[] w = {1, -0.4, -0.12};
        double[] y = FractionalDifferencing.apply(x, w);
        assertTrue(Double.isNaN(y[0]) && Double.isNaN(y[1]));
        assertEquals(4 - 0.4 * 2 - 0.12 * 1, y[2], 1e-15);
        assertEquals(16 - 0.4 * 8 - 0.12 * 4, y[4], 1e-15);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FractionalDifferencing.weights(-0.1));
        assertThrows(IllegalArgumentException.class, () -> FractionalDifferencing.weights(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FractionalDifferencing.weights(0.4, 0));
    }

    /** ln|Gamma(x)| by the Lanczos approximation (g = 7, n = 9), with reflection for x < 0.5. */
    private static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
