package org.trellis.regime.hmm;

import java.util.Arrays;

/**
 * The filtered state probabilities P(s_t = i | x_1..x_t) of a {@link GaussianHmm}, updated one
 * observation at a time: the forward algorithm, normalised at every step. It never sees an
 * observation after t, unlike smoothed (forward-backward) or Viterbi states, which look at the
 * whole sequence.
 *
 * <p>{@link #update} allocates nothing. The predicted probabilities are mixed in linear space
 * (they are normalised, so nothing underflows there) and the emission densities enter as logs,
 * normalised by their maximum, so observations far in any state's tail stay finite. When every
 * state gives an observation zero density (only possible with zero transition probabilities), the
 * filter keeps the predicted probabilities and reports a log-likelihood increment of
 * {@code -Infinity}. Not thread-safe: one filter per instrument.
 */
public final class ForwardFilter {
    private final GaussianHmm model;
    private final double[] probabilities;
    private final double[] predicted;
    private final double[] logWeights;
    private long steps;
    private double logLikelihood;

    public ForwardFilter(GaussianHmm model) {
        this.model = model;
        int k = model.states();
        this.probabilities = new double[k];
        this.predicted = new double[k];
        this.logWeights = new double[k];
        reset();
    }

    public GaussianHmm model() {
        return model;
    }

    /** Forget every observation: the next one is the first (its prior is the start probabilities). */
    public void reset() {
        steps = 0;
        logLikelihood = 0;
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = model.start(i);
        }
    }

    /**
     * Take in observation x_t (its first {@link GaussianHmm#dimensions()} values).
     *
     * @return log P(x_t | x_1..x_{t-1}); their running sum is {@link #logLikelihood()}
     */
    public double update(double[] x) {
        int k = probabilities.length;
        if (steps == 0) {
            System.arraycopy(probabilities, 0, predicted, 0, k);
        } else {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += probabilities[i] * model.transition(i, j);
                }
                predicted[j] = s;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            logWeights[j] = Math.log(predicted[j]) + model.logEmission(j, x);
            if (logWeights[j] > max) {
                max = logWeights[j];
            }
        }
        steps++;
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            double total = 0;
            for (int j = 0; j < k; j++) {
                total += predicted[j];
            }
            for (int j = 0; j < k; j++) {
                probabilities[j] = predicted[j] / total;
            }
            logLikelihood = Double.NEGATIVE_INFINITY;
            return Double.NEGATIVE_INFINITY;
        }
        double total = 0;
        for (int j = 0; j < k; j++) {
            double w = Math.exp(logWeights[j] - max);
            probabilities[j] = w;
            total += w;
        }
        for (int j = 0; j < k; j++) {
            probabilities[j] /= total;
        }
        double increment = max + Math.log(total);
        logLikelihood += increment;
        return increment;
    }

    /** Observations taken in since the last reset. */
    public long steps() {
        return steps;
    }

    /** P(s_t = state | x_1..x_t) after the last update (the start probabilities before any). */
    public double probability(int state) {
        return probabilities[state];
    }

    /** Copy the probabilities into {@code out} (length at least the number of states) and return it. */
    public double[] probabilities(double[] out) {
        System.arraycopy(probabilities, 0, out, 0, probabilities.length);
        return out;
    }

    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The most probable filtered state (the lowest index on ties). */
    public int state() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** log P(x_1..x_t) of the observations taken in. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Filtered probabilities of a whole sequence: row t uses x_1..x_t only. */
    public static double[][] filter(GaussianHmm model, double[][] x) {
        ForwardFilter f = new ForwardFilter(model);
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            f.update(x[t]);
            out[t] = f.probabilities();
        }
        return out;
    }

    @Override
    public String toString() {
        return "ForwardFilter[steps=" + steps + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
