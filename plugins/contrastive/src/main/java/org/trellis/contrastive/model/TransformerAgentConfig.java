package org.trellis.contrastive.model;

/**
 * Sizes and learning rate of the {@link TransformerAgent}.
 *
 * @param dModel        width of the encoder
 * @param heads         attention heads; must divide {@code dModel}
 * @param layers        encoder layers
 * @param feedForward   hidden width of each encoder layer's MLP (the spec does not give it: the
 *                      default is 4 x dModel, as in "Attention is all you need")
 * @param dropout       dropout of the encoder layers, in [0, 1)
 * @param window        bars per input window (the last one is the decision bar)
 * @param learningRate  AdamW learning rate of the (contrastive) training
 * @param projectionDim width of the L2-normalised projection head of the contrastive stage
 */
public record TransformerAgentConfig(int dModel, int heads, int layers, int feedForward, float dropout, int window,
                                     double learningRate, int projectionDim) {
    /** The spec's values: d_model 128, 4 heads, 2 layers, dropout 0.12, window 10, lr 3.79e-4, 64-d projection. */
    public static final TransformerAgentConfig DEFAULT = new TransformerAgentConfig(128, 4, 2, 512, 0.12f, 10, 3.79e-4, 64);

    public TransformerAgentConfig {
        require(dModel > 0, "d_model must be > 0, got " + dModel);
        require(heads > 0 && dModel % heads == 0, "heads must be > 0 and divide d_model " + dModel + ", got " + heads);
        require(layers >= 1, "layers must be >= 1, got " + layers);
        require(feedForward > 0, "feed-forward width must be > 0, got " + feedForward);
        require(dropout >= 0f && dropout < 1f, "dropout must be in [0, 1), got " + dropout);
        require(window >= 1, "window must be >= 1, got " + window);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be > 0, got " + learningRate);
        require(projectionDim > 0, "projection width must be > 0, got " + projectionDim);
    }

    public TransformerAgentConfig withWindow(int value) {
        return new TransformerAgentConfig(dModel, heads, layers, feedForward, dropout, value, learningRate, projectionDim);
    }

    public TransformerAgentConfig withLearningRate(double value) {
        return new TransformerAgentConfig(dModel, heads, layers, feedForward, dropout, window, value, projectionDim);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
