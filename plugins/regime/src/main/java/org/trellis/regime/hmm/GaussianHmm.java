package org.trellis.regime.hmm;

import java.util.Arrays;

/**
 * A hidden Markov model with {@code K} states whose emissions are Gaussian with a diagonal
 * covariance over {@code D} dimensions. Immutable: the constructor copies and checks every array
 * (probabilities non-negative and summing to one, variances positive and finite); the getters
 * return copies.
 *
 * <p>{@code start[i]} = P(s_1 = i); {@code transition[i][j]} = P(s_{t+1} = j | s_t = i);
 * {@code means[i][d]} and {@code variances[i][d]} describe observation dimension {@code d} in state {@code i}.
 */
public final class GaussianHmm {
    /** How far a row of probabilities may stray from summing to one (rounding in files and fitting). */
    public static final double SUM_TOLERANCE = 1e-9;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] start;
    private final double[][] transition;
    private final double[][] means;
    private final double[][] variances;

    public GaussianHmm(double[] start, double[][] transition, double[][] means, double[][] variances) {
        int k = start.length;
        if (k < 1) {
            throw new IllegalArgumentException("an HMM needs at least one state");
        }
        if (transition.length != k || means.length != k || variances.length != k) {
            throw new IllegalArgumentException("start has " + k + " states but transition has " + transition.length + " rows, means "
                    + means.length + ", variances " + variances.length);
        }
        int d = means[0].length;
        if (d < 1) {
            throw new IllegalArgumentException("observations need at least one dimension");
        }
        this.start = start.clone();
        this.transition = new double[k][];
        this.means = new double[k][];
        this.variances = new double[k][];
        checkProbabilities(this.start, "start probabilities");
        for (int i = 0; i < k; i++) {
            if (transition[i].length != k) {
                throw new IllegalArgumentException("transition row " + i + " has " + transition[i].length + " entries, expected " + k);
            }
            if (means[i].length != d || variances[i].length != d) {
                throw new IllegalArgumentException("state " + i + " has " + means[i].length + " means and " + variances[i].length
                        + " variances, expected " + d);
            }
            this.transition[i] = transition[i].clone();
            checkProbabilities(this.transition[i], "transition row " + i);
            this.means[i] = means[i].clone();
            this.variances[i] = variances[i].clone();
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(this.means[i][j])) {
                    throw new IllegalArgumentException("mean of state " + i + ", dimension " + j + " is not finite: " + this.means[i][j]);
                }
                if (!(this.variances[i][j] > 0) || !Double.isFinite(this.variances[i][j])) {
                    throw new IllegalArgumentException("variance of state " + i + ", dimension " + j + " must be positive and finite, got "
                            + this.variances[i][j]);
                }
            }
        }
    }

    private static void checkProbabilities(double[] p, String what) {
        double sum = 0;
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(what + " must lie in [0, 1], got " + Arrays.toString(p));
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(what + " must sum to 1, got " + sum + " " + Arrays.toString(p));
        }
    }

    public int states() {
        return start.length;
    }

    public int dimensions() {
        return means[0].length;
    }

    public double[] start() {
        return start.clone();
    }

    public double[][] transition() {
        return deepCopy(transition);
    }

    public double[][] means() {
        return deepCopy(means);
    }

    public double[][] variances() {
        return deepCopy(variances);
    }

    public double start(int i) {
        return start[i];
    }

    public double transition(int i, int j) {
        return transition[i][j];
    }

    public double mean(int i, int d) {
        return means[i][d];
    }

    public double variance(int i, int d) {
        return variances[i][d];
    }

    /** Expected number of consecutive steps in state {@code i}: 1 / (1 - a_ii) (infinite for an absorbing state). */
    public double expectedDuration(int i) {
        return 1 / (1 - transition[i][i]);
    }

    /** log N(x; mean_i, diag(variances_i)) of one observation. */
    public double logEmission(int state, double[] x) {
        double[] mu = means[state];
        double[] var = variances[state];
        double s = 0;
        for (int d = 0; d < mu.length; d++) {
            double diff = x[d] - mu[d];
            s += LOG_2PI + Math.log(var[d]) + diff * diff / var[d];
        }
        return -0.5 * s;
    }

    /** log P(x_1..x_T) by the forward algorithm in log space. */
    public double logLikelihood(double[][] x) {
        return LogSpace.forward(this, x, new double[x.length][states()]);
    }

    /**
     * The same model with its states renumbered: new state {@code n} is old state {@code order[n]}.
     * Means, variances, start and transition probabilities move together, so the likelihood of every
     * sequence is unchanged.
     */
    /**
     * The transition matrix's stationary distribution (power iteration from the uniform one; chains
     * that never settle keep the average of their last two iterates), renormalised against drift.
     */
    public double[] stationary() {
        int k = states();
        double[] p = new double[k];
        java.util.Arrays.fill(p, 1.0 / k);
        double[] next = new double[k];
        for (int it = 0; it < 10_000; it++) {
            java.util.Arrays.fill(next, 0);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    next[j] += p[i] * transition(i, j);
                }
            }
            double change = 0;
            for (int j = 0; j < k; j++) {
                change = Math.max(change, Math.abs(next[j] - p[j]));
            }
            if (change < 1e-15) {
                p = next.clone();
                break;
            }
            for (int j = 0; j < k; j++) {
                p[j] = it == 9_999 ? (p[j] + next[j]) / 2 : next[j];
            }
        }
        double sum = java.util.Arrays.stream(p).sum();
        for (int j = 0; j < k; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /** The same model starting from {@code start}. */
    public GaussianHmm withStart(double[] start) {
        return new GaussianHmm(start, transition(), means(), variances());
    }

    public GaussianHmm permuted(int[] order) {
        int k = states();
        boolean[] seen = new boolean[k];
        boolean valid = order.length == k;
        for (int n = 0; valid && n < k; n++) {
            valid = order[n] >= 0 && order[n] < k && !seen[order[n]];
            if (valid) {
                seen[order[n]] = true;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("not a permutation of " + k + " states: " + Arrays.toString(order));
        }
        double[] s = new double[k];
        double[][] a = new double[k][k];
        double[][] mu = new double[k][];
        double[][] var = new double[k][];
        for (int n = 0; n < k; n++) {
            s[n] = start[order[n]];
            mu[n] = means[order[n]];
            var[n] = variances[order[n]];
            for (int m = 0; m < k; m++) {
                a[n][m] = transition[order[n]][order[m]];
            }
        }
        return new GaussianHmm(s, a, mu, var);
    }

    /**
     * The order that sorts states by ascending mean of dimension {@code dimension} (ties keep their
     * index order): {@code permuted(orderBy(d))} has state 0 with the lowest mean there.
     */
    public int[] orderBy(int dimension) {
        return java.util.stream.IntStream.range(0, states()).boxed()
                .sorted((a, b) -> Double.compare(means[a][dimension], means[b][dimension]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The same model, states renumbered so that state 0 has the lowest mean of {@code dimension}. */
    public GaussianHmm sortedBy(int dimension) {
        return permuted(orderBy(dimension));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianHmm h && Arrays.equals(start, h.start) && Arrays.deepEquals(transition, h.transition)
                && Arrays.deepEquals(means, h.means) && Arrays.deepEquals(variances, h.variances);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(start) * 31 + Arrays.deepHashCode(means);
    }

    @Override
    public String toString() {
        return "GaussianHmm[states=" + states() + ", dimensions=" + dimensions() + ", start=" + Arrays.toString(start)
                + ", transition=" + Arrays.deepToString(transition) + ", means=" + Arrays.deepToString(means) + ", variances="
                + Arrays.deepToString(variances) + "]";
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
