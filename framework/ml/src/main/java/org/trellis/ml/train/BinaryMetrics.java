package org.trellis.ml.train;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Held-out quality of a binary classifier from its probabilities: accuracy at 0.5, log loss
 * (probabilities clipped to [1e-7, 1 - 1e-7] as scikit-learn does) and ROC AUC (the Mann-Whitney
 * statistic, ties counted half).
 */
public record BinaryMetrics(int samples, double accuracy, double logLoss, double auc, double positiveRate) {
    private static final double EPS = 1e-7;

    public static BinaryMetrics of(double[] probabilities, int[] labels) {
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + labels.length + " labels");
        }
        int n = labels.length;
        if (n == 0) {
            return new BinaryMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int correct = 0;
        int positives = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
            boolean up = labels[i] == 1;
            positives += up ? 1 : 0;
            correct += (probabilities[i] >= 0.5) == up ? 1 : 0;
            loss -= up ? Math.log(p) : Math.log(1 - p);
        }
        return new BinaryMetrics(n, (double) correct / n, loss / n, auc(probabilities, labels, positives), (double) positives / n);
    }

    /** Adds {@code <split>_accuracy}, {@code _log_loss}, {@code _auc}, {@code _positive_rate} and {@code _windows}, as model.json records them. */
    public void addTo(java.util.Map<String, Double> metrics, String split) {
        metrics.put(split + "_accuracy", accuracy);
        metrics.put(split + "_log_loss", logLoss);
        metrics.put(split + "_auc", auc);
        metrics.put(split + "_positive_rate", positiveRate);
        metrics.put(split + "_windows", (double) samples);
    }

    private static double auc(double[] p, int[] labels, int positives) {
        int negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        // Average ranks over ties, then U = sum of positive ranks - P(P+1)/2.
        double positiveRankSum = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += rank;
                }
            }
            i = j + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
