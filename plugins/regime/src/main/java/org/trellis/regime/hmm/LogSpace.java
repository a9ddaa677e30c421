package org.trellis.regime.hmm;

/**
 * The forward and backward recursions in log space, with log-sum-exp, so that sequences of any
 * length neither underflow nor overflow.
 */
final class LogSpace {
    private LogSpace() {
    }

    /** log(sum exp(v[0..n))); {@code -Infinity} when every term is. */
    static double logSumExp(double[] v, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (v[i] > max) {
                max = v[i];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(v[i] - max);
        }
        return max + Math.log(s);
    }

    static double[][] logTransition(GaussianHmm hmm) {
        int k = hmm.states();
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = Math.log(hmm.transition(i, j));
            }
        }
        return a;
    }

    /** Fill {@code logB[t][i]} = log b_i(x_t). */
    static void emissions(GaussianHmm hmm, double[][] x, double[][] logB) {
        for (int t = 0; t < x.length; t++) {
            for (int i = 0; i < hmm.states(); i++) {
                logB[t][i] = hmm.logEmission(i, x[t]);
            }
        }
    }

    /** Fill {@code logAlpha[t][i]} = log P(x_1..x_t, s_t = i) and return log P(x_1..x_T). */
    static double forward(GaussianHmm hmm, double[][] x, double[][] logAlpha) {
        double[][] logB = new double[x.length][hmm.states()];
        emissions(hmm, x, logB);
        return forward(hmm, logTransition(hmm), logB, logAlpha);
    }

    static double forward(GaussianHmm hmm, double[][] logA, double[][] logB, double[][] logAlpha) {
        int k = hmm.states();
        int n = logB.length;
        if (n == 0) {
            return 0;
        }
        double[] terms = new double[k];
        for (int i = 0; i < k; i++) {
            logAlpha[0][i] = Math.log(hmm.start(i)) + logB[0][i];
        }
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < k; i++) {
                    terms[i] = logAlpha[t - 1][i] + logA[i][j];
                }
                logAlpha[t][j] = logSumExp(terms, k) + logB[t][j];
            }
        }
        return logSumExp(logAlpha[n - 1], k);
    }

    /** Fill {@code logBeta[t][i]} = log P(x_{t+1}..x_T | s_t = i). */
    static void backward(int k, double[][] logA, double[][] logB, double[][] logBeta) {
        int n = logB.length;
        if (n == 0) {
            return;
        }
        double[] terms = new double[k];
        java.util.Arrays.fill(logBeta[n - 1], 0.0);
        for (int t = n - 2; t >= 0; t--) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    terms[j] = logA[i][j] + logB[t + 1][j] + logBeta[t + 1][j];
                }
                logBeta[t][i] = logSumExp(terms, k);
            }
        }
    }
}
