package org.trellis.regime.hmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trellis.regime.RegimeInputs;

/** The proofs for the HMM: regimes recovered, likelihood monotone, no look-ahead in the filter. */
class BaumWelchTest {
    static final SyntheticRegimes SERIES = SyntheticRegimes.generate(20_000, 11);

    /** Observations from bar 24 on (the inputs' warm-up), and the true regime of each. */
    static double[][] observations() {
        double[][] rows = RegimeInputs.of(SERIES.closes());
        return Arrays.copyOfRange(rows, RegimeInputs.WARM_UP, rows.length);
    }

    static int[] truth() {
        return Arrays.copyOfRange(SERIES.regimes(), RegimeInputs.WARM_UP, SERIES.regimes().length);
    }

    static GaussianHmm fitted() {
        return BaumWelch.fit(observations(), BaumWelch.Settings.defaults(7).clusteringOn(1)).model().sortedBy(RegimeInputs.VOLATILITY_COLUMN);
    }

    @Test
    void baumWelchRecoversThreeRegimesOnASeededSeries() {
        double[][] x = observations();
        int[] truth = truth();
        BaumWelch.Fit fit = BaumWelch.fit(x, BaumWelch.Settings.defaults(7).clusteringOn(1));
        GaussianHmm model = fit.model().sortedBy(RegimeInputs.VOLATILITY_COLUMN);
        // relabelled by volatility, state i is the i-th calmest: the generator's numbering
        for (int i = 0; i < 3; i++) {
            assertEquals(SyntheticRegimes.SIGMAS[i], model.mean(i, 1), 0.25 * SyntheticRegimes.SIGMAS[i], "volatility of state " + i);
        }
        // the regime as the runtime sees it: the filtered most probable state, bar by bar
        ForwardFilter filter = new ForwardFilter(model);
        int right = 0;
        for (int t = 0; t < x.length; t++) {
            filter.update(x[t]);
            right += filter.state() == truth[t] ? 1 : 0;
        }
        double share = right / (double) x.length;
        assertTrue(share >= 0.90, "filtered states match the true regime on " + share + " of the bars");
        // and the fit is sticky as the generator is (expected durations in the hundreds of bars)
        for (int i = 0; i < 3; i++) {
            assertTrue(model.expectedDuration(i) > 100, "state " + i + " lasts " + model.expectedDuration(i));
        }
    }

    @Test
    void logLikelihoodNeverDecreasesAcrossIterations() {
        for (long seed : new long[] {1, 2, 3}) {
            BaumWelch.Fit fit = BaumWelch.fit(observations(), new BaumWelch.Settings(3, 60, 0, 1e-3, seed, -1));
            double[] ll = fit.logLikelihoods();
            assertTrue(ll.length > 10, "iterations: " + ll.length);
            for (int i = 1; i < ll.length; i++) {
                assertTrue(ll[i] >= ll[i - 1] - 1e-9 * Math.abs(ll[i - 1]), "seed " + seed + ": iteration " + i + " " + ll[i - 1] + " -> "
                        + ll[i]);
            }
            assertEquals(fit.model().logLikelihood(observations()), fit.logLikelihood(), 1e-9 * Math.abs(fit.logLikelihood()),
                    "the last entry is the returned model's");
        }
        // also with 4 states on heavy-tailed noise, where floors and near-empty states come into play
        Random r = new Random(5);
        double[][] noise = new double[3000][2];
        for (double[] row : noise) {
            row[0] = r.nextGaussian() * (r.nextDouble() < 0.05 ? 10 : 1);
            row[1] = Math.abs(r.nextGaussian());
        }
        double[] ll = BaumWelch.fit(noise, new BaumWelch.Settings(4, 80, 0, 1e-3, 9)).logLikelihoods();
        for (int i = 1; i < ll.length; i++) {
            assertTrue(ll[i] >= ll[i - 1] - 1e-9 * Math.abs(ll[i - 1]), "iteration " + i + " " + ll[i - 1] + " -> " + ll[i]);
        }
    }

    @Test
    void aSeedGivesOneModel() {
        double[][] x = Arrays.copyOf(observations(), 5000);
        BaumWelch.Settings s = new BaumWelch.Settings(3, 20, 1e-4, 1e-3, 42, 1);
        assertEquals(BaumWelch.fit(x, s).model(), BaumWelch.fit(x, s).model());
    }

    @Test
    void filteredProbabilitiesAtTAreUnchangedByPerturbingLaterData() {
        GaussianHmm model = fitted();
        double[][] x = observations();
        double[][] before = ForwardFilter.filter(model, x);
        Random r = new Random(3);
        for (int cut : new int[] {0, 777, x.length / 2, x.length - 2}) {
            double[][] perturbed = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                perturbed[t] = t <= cut ? x[t].clone() : new double[] {x[t][0] + 0.01 * r.nextGaussian(), x[t][1] * 3 + 0.001};
            }
            double[][] after = ForwardFilter.filter(model, perturbed);
            for (int t = 0; t <= cut; t++) {
                assertArrayEquals(before[t], after[t], 0.0, "bar " + t + " changed when bars after " + cut + " did");
            }
            assertFalse(Arrays.equals(before[cut + 1], after[cut + 1]), "the perturbation itself shows");
        }
    }

    @Test
    void relabellingKeepsTheModelEquivalent() {
        GaussianHmm model = BaumWelch.fit(observations(), new BaumWelch.Settings(3, 15, 1e-4, 1e-3, 4, 1)).model();
        double[][] x = Arrays.copyOf(observations(), 4000);
        int[] order = {2, 0, 1};
        GaussianHmm permuted = model.permuted(order);
        double ll = model.logLikelihood(x);
        assertEquals(ll, permuted.logLikelihood(x), 1e-10 * Math.abs(ll));
        double[][] p = ForwardFilter.filter(model, x);
        double[][] q = ForwardFilter.filter(permuted, x);
        for (int t = 0; t < x.length; t++) {
            for (int n = 0; n < 3; n++) {
                assertEquals(p[t][order[n]], q[t][n], 1e-12, "bar " + t + ", state " + n);
            }
        }
        for (int n = 0; n < 3; n++) {
            assertEquals(model.start(order[n]), permuted.start(n));
            assertArrayEquals(model.variances()[order[n]], permuted.variances()[n]);
            for (int m = 0; m < 3; m++) {
                assertEquals(model.transition(order[n], order[m]), permuted.transition(n, m));
            }
        }
        GaussianHmm sorted = model.sortedBy(1);
        assertTrue(sorted.mean(0, 1) < sorted.mean(1, 1) && sorted.mean(1, 1) < sorted.mean(2, 1), sorted.toString());
        assertEquals(ll, sorted.logLikelihood(x), 1e-10 * Math.abs(ll));
    }
}
