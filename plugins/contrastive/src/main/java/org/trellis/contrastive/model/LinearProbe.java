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
        return logit(embedding, 0);
    }

    /** The logit of the embedding stored at {@code embeddings[offset .. offset + d - 1]} (rows of a batch). */
    public double logit(float[] embeddings, int offset) {
        if (offset < 0 || offset + weights.length > embeddings.length) {
            throw new IllegalArgumentException("no " + weights.length + "-d embedding at offset " + offset + " of "
                    + embeddings.length + " values");
        }
        double sum = bias;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * ((embeddings[offset + j] - mean[j]) / std[j]);
        }
        return sum;
    }

    public double probability(float[] embedding) {
        return sigmoid(logit(embedding));
    }

    public double probability(float[] embeddings, int offset) {
        return sigmoid(logit(embeddings, offset));
    }

    private static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
