package org.trellis.contrastive.model;

/**
 * Logistic regression on a frozen embedding: {@code P(label 1) = sigmoid(w . (e - mean) / std + b)},
 * with {@code mean} and {@code std} the per-dimension statistics of the training embeddings (fitted on
 * the training windows only).
 */
public record LinearProbe(float[] weights, float bias, float[] mean, float[] std) {
    public LinearProbe {
        if (weights.length == 0 || mean.length != weights.length || std.length != weights.length) {
            throw new IllegalArgumentException("weights, mean and std must have one entry per embedding dimension");
        }
    }

    public double logit(float[] embedding) {
        if (embedding.length != weights.length) {
            throw new IllegalArgumentException("the probe reads " + weights.length + "-d embeddings, got "
                    + embedding.length);
        }
        double sum = bias;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * ((embedding[j] - mean[j]) / std[j]);
        }
        return sum;
    }

    public double probability(float[] embedding) {
        return 1 / (1 + Math.exp(-logit(embedding)));
    }
}
