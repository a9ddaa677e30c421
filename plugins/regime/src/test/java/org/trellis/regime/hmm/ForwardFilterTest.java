package org.trellis.regime.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The filter against an independent, slow reference: the sum over every state path. */
class ForwardFilterTest {
    static GaussianHmm small() {
        return new GaussianHmm(new double[] {0.5, 0.3, 0.2},
                new double[][] {{0.8, 0.15, 0.05}, {0.1, 0.7, 0.2}, {0.25, 0.25, 0.5}},
                new double[][] {{0.0, 1.0}, {0.5, 2.0}, {-1.0, 3.0}},
                new double[][] {{1.0, 0.5}, {2.0, 0.7}, {0.5, 1.5}});
    }

    /** N(x; mu, var) per dimension multiplied, written independently of GaussianHmm. */
    static double density(GaussianHmm m, int state, double[] x) {
        double p = 1;
        for (int d = 0; d < x.length; d++) {
            double var = m.variances()[state][d];
            double diff = x[d] - m.means()[state][d];
            p *= Math.exp(-diff * diff / (2 * var)) / Math.sqrt(2 * Math.PI * var);
        }
        return p;
    }

    @Test
    void filteredProbabilitiesEqualTheSumOverEveryStatePath() {
        GaussianHmm m = small();
        Random r = new Random(8);
        int n = 7;
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = r.nextGaussian();
            row[1] = 1.5 + r.nextGaussian();
        }
        ForwardFilter filter = new ForwardFilter(m);
        for (int t = 0; t < n; t++) {
            filter.update(x[t]);
            // P(s_t = j, x_1..x_t) by enumerating every path s_1..s_t (3^(t+1) of them)
            double[] joint = new double[3];
            int paths = (int) Math.pow(3, t + 1);
            for (int code = 0; code < paths; code++) {
                int[] s = new int[t + 1];
                int c = code;
                for (int u = 0; u <= t; u++) {
                    s[u] = c % 3;
                    c /= 3;
                }
                double p = m.start()[s[0]] * density(m, s[0], x[0]);
                for (int u = 1; u <= t; u++) {
                    p *= m.transition()[s[u - 1]][s[u]] * density(m, s[u], x[u]);
                }
                joint[s[t]] += p;
            }
            double evidence = joint[0] + joint[1] + joint[2];
            for (int j = 0; j < 3; j++) {
                assertEquals(joint[j] / evidence, filter.probability(j), 1e-12, "t=" + t + ", state " + j);
            }
            assertEquals(Math.log(evidence), filter.logLikelihood(), 1e-10, "log P(x_1..x_t) at t=" + t);
            double[][] prefix = java.util.Arrays.copyOf(x, t + 1);
            assertEquals(Math.log(evidence), m.logLikelihood(prefix), 1e-10, "the log-space forward pass at t=" + t);
        }
    }

    @Test
    void farOutliersAndLongSequencesStayNormalised() {
        GaussianHmm m = small();
        ForwardFilter filter = new ForwardFilter(m);
        Random r = new Random(2);
        for (int t = 0; t < 200_000; t++) {
            double[] x = t % 1000 == 999 ? new double[] {1e6, -1e6} : new double[] {r.nextGaussian(), 2 + r.nextGaussian()};
            filter.update(x);
            double sum = filter.probability(0) + filter.probability(1) + filter.probability(2);
            if (!(Math.abs(sum - 1) < 1e-12) || Double.isNaN(filter.probability(0))) {
                throw new AssertionError("t=" + t + ": " + filter);
            }
        }
        assertTrue(Double.isFinite(filter.logLikelihood()));
    }

    @Test
    void updatesAllocateNothing() {
        GaussianHmm m = small();
        ForwardFilter filter = new ForwardFilter(m);
        double[] x = {0.1, 1.9};
        for (int i = 0; i < 200_000; i++) {
            x[0] = (i % 7) * 0.1;
            filter.update(x);
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            x[0] = (i % 7) * 0.1;
            filter.update(x);
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 10_000, allocated + " bytes for 100,000 updates");
    }
}
