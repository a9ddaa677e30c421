package org.trellis.rl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardNormalTest {
    /** Reference values from R's pnorm / scipy.stats.norm.cdf (double precision). */
    @Test
    void matchesReferenceValues() {
        double[][] cases = {
                {0, 0.5}, {1, 0.8413447460685429}, {-1.96, 0.024997895148220435}, {2.5, 0.9937903346742238},
                {-8, 6.22096057427178e-16}, {0.3, 0.6179114221889527}, {-5, 2.866515718791939e-07}};
        for (double[] c : cases) {
            assertEquals(c[1], StandardNormal.cdf(c[0]), 1e-14 + 1e-12 * c[1], "Phi(" + c[0] + ")");
        }
    }

    @Test
    void fairValueIsTheDigitalProbabilityClamped() {
        // ln(101/100) / (1e-4 * sqrt(400)) = 4.975 -> Phi > 0.99 -> clamped
        assertEquals(0.99, FairValue.up(101, 100, 1e-4, 400));
        assertEquals(0.5, FairValue.up(100, 100, 1e-4, 400));
        assertEquals(StandardNormal.cdf(Math.log(100.1 / 100) / (1e-4 * 30)), FairValue.up(100.1, 100, 1e-4, 900), 1e-15);
        assertEquals(0.01, FairValue.up(99, 100, 1e-4, 400));
    }
}
