package org.trellis.deeplearning.model;

/**
 * Sizes of the {@link CausalTransformerClassifier}.
 *
 * @param dModel width of the projected input and of every encoder layer
 * @param heads attention heads; must divide {@code dModel}
 * @param layers number of encoder layers
 * @param feedForward hidden width of each layer's feed-forward block
 * @param dropout drop rate inside the encoder layers and before the output layer, in [0, 1)
 */
public record TransformerConfig(int dModel, int heads, int layers, int feedForward, float dropout)
        implements ClassifierConfig {
    /** The spec's sizes: d_model 128, 8 heads, 2 layers, feed-forward 512, dropout 0.2. */
    public static final TransformerConfig DEFAULT = new TransformerConfig(128, 8, 2, 512, 0.2f);

    public TransformerConfig {
        if (dModel <= 0) {
            throw new IllegalArgumentException("Transformer d_model must be > 0, got " + dModel);
        }
        if (heads <= 0) {
            throw new IllegalArgumentException("Transformer heads must be > 0, got " + heads);
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("Transformer d_model " + dModel + " must be divisible by heads "
                    + heads + " (each head gets d_model / heads channels)");
        }
        if (layers <= 0) {
            throw new IllegalArgumentException("Transformer layers must be > 0, got " + layers);
        }
        if (feedForward <= 0) {
            throw new IllegalArgumentException("Transformer feed-forward size must be > 0, got " + feedForward);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("Transformer dropout must be in [0, 1), got " + dropout);
        }
    }

    @Override
    public CausalTransformerClassifier build(int features, int window) {
        return new CausalTransformerClassifier(this, features, window);
    }
}
