package org.trellis.contrastive.train;

import org.trellis.contrastive.model.TransformerAgentConfig;
import picocli.CommandLine.Option;

/** The agent's sizes on the command line; the defaults are the spec's ({@link TransformerAgentConfig#DEFAULT}). */
public final class AgentOptions {
    @Option(names = "--d-model", defaultValue = "128", description = "Encoder width (default: ${DEFAULT-VALUE}).")
    int dModel;

    @Option(names = "--heads", defaultValue = "4", description = "Attention heads, dividing d_model (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--layers", defaultValue = "2", description = "Encoder layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--dropout", defaultValue = "0.12", description = "Encoder dropout (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--lr", defaultValue = "3.79e-4", description = "AdamW learning rate of the contrastive stage (default: ${DEFAULT-VALUE}).")
    double learningRate;

    /** The config for windows of {@code window} bars; the feed-forward width is 4 x d_model, as in the default. */
    TransformerAgentConfig config(int window) {
        try {
            return new TransformerAgentConfig(dModel, heads, layers, 4 * dModel, dropout, window, learningRate,
                    TransformerAgentConfig.DEFAULT.projectionDim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("train contrastive: " + e.getMessage(), e);
        }
    }
}
