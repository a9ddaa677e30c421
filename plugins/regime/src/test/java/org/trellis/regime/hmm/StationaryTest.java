package org.trellis.regime.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class StationaryTest {
    private static GaussianHmm withTransition(double[][] a) {
        double[][] means = new double[a.length][1];
        double[][] variances = new double[a.length][];
        double[] start = new double[a.length];
        start[0] = 1;
        for (int i = 0; i < a.length; i++) {
            variances[i] = new double[] {1};
        }
        return new GaussianHmm(start, a, means, variances);
    }

    /** pi = pi A by hand: for [[0.9, 0.1], [0.2, 0.8]], 0.1 pi0 = 0.2 pi1, so pi = (2/3, 1/3). */
    @Test
    void theStationaryDistributionOfATwoStateChainComputedByHand() {
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, withTransition(new double[][] {{0.9, 0.1}, {0.2, 0.8}}).stationary(), 1e-12);
    }

    /** A doubly stochastic matrix keeps the uniform distribution. */
    @Test
    void aDoublyStochasticChainIsUniform() {
        double[][] a = {{0.5, 0.3, 0.2}, {0.2, 0.5, 0.3}, {0.3, 0.2, 0.5}};
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, withTransition(a).stationary(), 1e-12);
    }

    /** A chain that alternates forever has no limit; its long-run share is still one half each. */
    @Test
    void aPeriodicChainGetsItsLongRunShare() {
        assertArrayEquals(new double[] {0.5, 0.5}, withTransition(new double[][] {{0, 1}, {1, 0}}).stationary(), 1e-12);
    }
}
