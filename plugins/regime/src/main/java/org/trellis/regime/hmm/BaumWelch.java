package org.trellis.regime.hmm;

import java.util.Arrays;
import java.util.Random;

/**
 * Fits a {@link GaussianHmm} to one observation sequence by Baum-Welch (expectation-maximisation),
 * with the forward and backward passes in log space (log-sum-exp), so long sequences neither
 * underflow nor overflow.
 *
 * <p>Initialisation (seeded, so a seed gives one result): k-means++ on the z-scored observations
 * (or on one dimension of them, {@code clusterDimension}), then a few Lloyd iterations; each cluster
 * gives a state's means and variances; start probabilities are uniform and each state stays with
 * probability 0.9. Clustering on the dimension the states should differ in matters: on [return,
 * volatility] k-means over both splits large returns by sign, a local optimum EM does not leave,
 * while clustering on volatility alone starts from calm, medium and wild bars. Every variance is kept at or above
 * {@code varianceFloor} times the sequence's variance in that dimension (so a state cannot
 * collapse onto a few identical points); the floored maximisation step is still a maximisation,
 * so the log-likelihood never decreases. Iterations stop when the log-likelihood improves by less
 * than {@code tolerance} (absolute) or after {@code maxIterations}.
 */
public final class BaumWelch {
    private static final int LLOYD_ITERATIONS = 20;
    private static final double INITIAL_STAY = 0.9;
    /** Below this expected number of visits a state keeps its previous emission parameters. */
    private static final double MIN_OCCUPANCY = 1e-10;

    /**
     * @param states        K
     * @param maxIterations most EM iterations (re-estimations)
     * @param tolerance     stop when an iteration improves the log-likelihood by less than this
     * @param varianceFloor smallest variance, as a share of the sequence's variance per dimension
     * @param seed          seeds the k-means++ initialisation
     * @param clusterDimension the dimension the initial k-means++ clusters on, or -1 for all of them
     */
    public record Settings(int states, int maxIterations, double tolerance, double varianceFloor, long seed, int clusterDimension) {
        /** Settings whose initial clusters use every dimension. */
        public Settings(int states, int maxIterations, double tolerance, double varianceFloor, long seed) {
            this(states, maxIterations, tolerance, varianceFloor, seed, -1);
        }

        public Settings {
            if (clusterDimension < -1) {
                throw new IllegalArgumentException("cluster dimension must be -1 (all) or a dimension, got " + clusterDimension);
            }
            if (states < 1) {
                throw new IllegalArgumentException("states must be at least 1, got " + states);
            }
            if (maxIterations < 0) {
                throw new IllegalArgumentException("iterations must be at least 0, got " + maxIterations);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
            }
            if (!(varianceFloor > 0)) {
                throw new IllegalArgumentException("variance floor must be > 0, got " + varianceFloor);
            }
        }

        /** 3 states, 100 iterations, tolerance 1e-4, variance floor 1e-3 of the data's variance, clusters on every dimension. */
        public static Settings defaults(long seed) {
            return new Settings(3, 100, 1e-4, 1e-3, seed);
        }

        /** The same settings, the initial clusters formed on one dimension only. */
        public Settings clusteringOn(int dimension) {
            return new Settings(states, maxIterations, tolerance, varianceFloor, seed, dimension);
        }
    }

    /** Hears the log-likelihood as it improves: iteration 0 is the initial model. */
    @FunctionalInterface
    public interface Listener {
        void iteration(int iteration, double logLikelihood);
    }

    /**
     * The fitted model and its log-likelihood at every iteration.
     *
     * @param logLikelihoods entry 0: the initial model; entry i: after the i-th re-estimation; the
     *                       last entry is {@code model}'s
     * @param converged      whether the tolerance was reached before {@code maxIterations}
     */
    public record Fit(GaussianHmm model, double[] logLikelihoods, boolean converged) {
        public double logLikelihood() {
            return logLikelihoods[logLikelihoods.length - 1];
        }

        public int iterations() {
            return logLikelihoods.length - 1;
        }
    }

    private BaumWelch() {
    }

    public static Fit fit(double[][] x, Settings settings) {
        return fit(x, settings, (i, ll) -> { });
    }

    public static Fit fit(double[][] x, Settings settings, Listener listener) {
        check(x, settings.states());
        if (settings.clusterDimension() >= x[0].length) {
            throw new IllegalArgumentException("cluster dimension " + settings.clusterDimension() + " but observations have "
                    + x[0].length + " dimensions");
        }
        return fit(x, initial(x, settings.states(), settings.varianceFloor(), settings.seed(), settings.clusterDimension()), settings,
                listener);
    }

    /** Baum-Welch from a given starting model. */
    public static Fit fit(double[][] x, GaussianHmm initial, Settings settings, Listener listener) {
        int k = initial.states();
        check(x, k);
        if (x[0].length != initial.dimensions()) {
            throw new IllegalArgumentException("observations have " + x[0].length + " dimensions, the model " + initial.dimensions());
        }
        int n = x.length;
        double[] floor = floors(x, settings.varianceFloor());
        double[][] logB = new double[n][k];
        double[][] logAlpha = new double[n][k];
        double[][] logBeta = new double[n][k];
        double[] history = new double[settings.maxIterations() + 1];
        GaussianHmm model = initial;
        double ll = eStep(model, x, logB, logAlpha, logBeta);
        history[0] = ll;
        listener.iteration(0, ll);
        int done = 0;
        boolean converged = false;
        while (done < settings.maxIterations()) {
            GaussianHmm next = mStep(model, x, logB, logAlpha, logBeta, ll, floor);
            double nextLl = eStep(next, x, logB, logAlpha, logBeta);
            double gain = nextLl - ll;
            if (gain < 0) {
                // EM cannot lower the likelihood: a fall is rounding at the optimum, so keep the better model.
                // The buffers now hold next's passes; the caller only reads the model and the history.
                converged = true;
                break;
            }
            done++;
            history[done] = nextLl;
            listener.iteration(done, nextLl);
            model = next;
            ll = nextLl;
            if (gain < settings.tolerance()) {
                converged = true;
                break;
            }
        }
        return new Fit(model, Arrays.copyOf(history, done + 1), converged);
    }

    /** Emissions, forward and backward for {@code model}; returns log P(x). */
    private static double eStep(GaussianHmm model, double[][] x, double[][] logB, double[][] logAlpha, double[][] logBeta) {
        LogSpace.emissions(model, x, logB);
        double[][] logA = LogSpace.logTransition(model);
        double ll = LogSpace.forward(model, logA, logB, logAlpha);
        if (!Double.isFinite(ll)) {
            throw new IllegalStateException("the sequence has zero likelihood under the model (log-likelihood " + ll + ")");
        }
        LogSpace.backward(model.states(), logA, logB, logBeta);
        return ll;
    }

    private static GaussianHmm mStep(GaussianHmm model, double[][] x, double[][] logB, double[][] logAlpha, double[][] logBeta,
                                     double ll, double[] floor) {
        int k = model.states();
        int d = model.dimensions();
        int n = x.length;
        double[][] logA = LogSpace.logTransition(model);
        double[] start = new double[k];
        double[][] xi = new double[k][k];
        double[] occupancy = new double[k];
        double[][] sum = new double[k][d];
        double[] gamma = new double[k];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < k; i++) {
                gamma[i] = Math.exp(logAlpha[t][i] + logBeta[t][i] - ll);
                occupancy[i] += gamma[i];
                for (int j = 0; j < d; j++) {
                    sum[i][j] += gamma[i] * x[t][j];
                }
            }
            if (t == 0) {
                System.arraycopy(gamma, 0, start, 0, k);
            }
            if (t + 1 < n) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        xi[i][j] += Math.exp(logAlpha[t][i] + logA[i][j] + logB[t + 1][j] + logBeta[t + 1][j] - ll);
                    }
                }
            }
        }
        normalise(start);
        double[][] transition = new double[k][];
        double[][] means = new double[k][];
        double[][] variances = new double[k][];
        for (int i = 0; i < k; i++) {
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                rowSum += xi[i][j];
            }
            if (rowSum > 0) {
                transition[i] = xi[i].clone();
                normalise(transition[i]);
            } else {
                transition[i] = model.transition()[i];
            }
            if (occupancy[i] > MIN_OCCUPANCY) {
                means[i] = new double[d];
                for (int j = 0; j < d; j++) {
                    means[i][j] = sum[i][j] / occupancy[i];
                }
            } else {
                means[i] = model.means()[i];
            }
        }
        // variances around the new means (a second pass keeps them accurate when means dwarf spreads)
        double[][] squares = new double[k][d];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < k; i++) {
                double g = Math.exp(logAlpha[t][i] + logBeta[t][i] - ll);
                for (int j = 0; j < d; j++) {
                    double diff = x[t][j] - means[i][j];
                    squares[i][j] += g * diff * diff;
                }
            }
        }
        for (int i = 0; i < k; i++) {
            variances[i] = new double[d];
            for (int j = 0; j < d; j++) {
                double v = occupancy[i] > MIN_OCCUPANCY ? squares[i][j] / occupancy[i] : model.variance(i, j);
                variances[i][j] = Math.max(v, floor[j]);
            }
        }
        return new GaussianHmm(start, transition, means, variances);
    }

    private static void normalise(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= s;
        }
    }

    private static void check(double[][] x, int states) {
        if (x.length < 2) {
            throw new IllegalArgumentException("need at least 2 observations to fit an HMM, got " + x.length);
        }
        int d = x[0].length;
        if (d < 1) {
            throw new IllegalArgumentException("observations need at least one dimension");
        }
        if (x.length < states) {
            throw new IllegalArgumentException(x.length + " observations cannot fit " + states + " states");
        }
        for (int t = 0; t < x.length; t++) {
            if (x[t].length != d) {
                throw new IllegalArgumentException("observation " + t + " has " + x[t].length + " values, the first " + d);
            }
            for (double v : x[t]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("observation " + t + " holds a non-finite value: " + Arrays.toString(x[t]));
                }
            }
        }
    }

    private static double[] floors(double[][] x, double share) {
        double[] var = columnVariance(x, columnMean(x));
        double[] floor = new double[var.length];
        for (int j = 0; j < var.length; j++) {
            floor[j] = var[j] > 0 ? share * var[j] : 1e-12;
        }
        return floor;
    }

    private static double[] columnMean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= x.length;
        }
        return m;
    }

    private static double[] columnVariance(double[][] x, double[] mean) {
        double[] v = new double[mean.length];
        for (double[] row : x) {
            for (int j = 0; j < v.length; j++) {
                double diff = row[j] - mean[j];
                v[j] += diff * diff;
            }
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= x.length;
        }
        return v;
    }

    /**
     * The seeded starting model: k-means++ centres on z-scored observations (every dimension, or only
     * {@code clusterDimension} when it is not -1), refined by Lloyd iterations; each cluster's mean and (floored) variance, uniform start, 0.9 to stay.
     */
    public static GaussianHmm initial(double[][] x, int k, double varianceFloor, long seed, int clusterDimension) {
        check(x, k);
        int n = x.length;
        int d = x[0].length;
        double[] mean = columnMean(x);
        double[] var = columnVariance(x, mean);
        int[] columns = clusterDimension < 0 ? java.util.stream.IntStream.range(0, d).toArray() : new int[] {clusterDimension};
        double[][] z = new double[n][columns.length];
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < columns.length; c++) {
                int j = columns[c];
                z[t][c] = var[j] > 0 ? (x[t][j] - mean[j]) / Math.sqrt(var[j]) : 0;
            }
        }
        int zd = columns.length;
        Random random = new Random(seed);
        double[][] centres = new double[k][];
        centres[0] = z[random.nextInt(n)].clone();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int t = 0; t < n; t++) {
                dist[t] = Math.min(dist[t], squared(z[t], centres[c - 1]));
                total += dist[t];
            }
            int pick = n - 1;
            if (total > 0) {
                double r = random.nextDouble() * total;
                for (int t = 0; t < n; t++) {
                    r -= dist[t];
                    if (r < 0) {
                        pick = t;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n);
            }
            centres[c] = z[pick].clone();
        }
        int[] cluster = new int[n];
        for (int it = 0; it < LLOYD_ITERATIONS; it++) {
            boolean moved = false;
            for (int t = 0; t < n; t++) {
                int best = 0;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dd = squared(z[t], centres[c]);
                    if (dd < bestDist) {
                        bestDist = dd;
                        best = c;
                    }
                }
                moved |= it == 0 || cluster[t] != best;
                cluster[t] = best;
            }
            if (!moved) {
                break;
            }
            double[][] next = new double[k][zd];
            int[] count = new int[k];
            for (int t = 0; t < n; t++) {
                count[cluster[t]]++;
                for (int j = 0; j < zd; j++) {
                    next[cluster[t]][j] += z[t][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    for (int j = 0; j < zd; j++) {
                        centres[c][j] = next[c][j] / count[c];
                    }
                }
            }
        }
        double[][] means = new double[k][d];
        double[][] variances = new double[k][d];
        int[] count = new int[k];
        for (int t = 0; t < n; t++) {
            count[cluster[t]]++;
            for (int j = 0; j < d; j++) {
                means[cluster[t]][j] += x[t][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] = count[c] > 0 ? means[c][j] / count[c] : mean[j];
            }
        }
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < d; j++) {
                double diff = x[t][j] - means[cluster[t]][j];
                variances[cluster[t]][j] += diff * diff;
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double v = count[c] > 1 ? variances[c][j] / count[c] : var[j];
                variances[c][j] = Math.max(v, var[j] > 0 ? varianceFloor * var[j] : 1e-12);
            }
        }
        double[] start = new double[k];
        Arrays.fill(start, 1.0 / k);
        double[][] transition = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                transition[i][j] = k == 1 ? 1 : i == j ? INITIAL_STAY : (1 - INITIAL_STAY) / (k - 1);
            }
        }
        return new GaussianHmm(start, transition, means, variances);
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            s += diff * diff;
        }
        return s;
    }
}
