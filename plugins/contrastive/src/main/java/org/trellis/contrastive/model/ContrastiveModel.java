package org.trellis.contrastive.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * A {@link TransformerAgent} trained by the contrastive stage, in its own DJL model (one engine), and
 * once the second stage ran, the {@link LinearProbe} fitted on its frozen embeddings. Closing it frees
 * the model's native memory.
 */
public final class ContrastiveModel implements AutoCloseable {
    private static final int INFERENCE_BATCH = 256;

    private final Model model;
    private final TransformerAgent agent;
    private LinearProbe probe;

    ContrastiveModel(Model model, TransformerAgent agent) {
        this.model = model;
        this.agent = agent;
    }

    public Model model() {
        return model;
    }

    public TransformerAgent agent() {
        return agent;
    }

    /** The probe, or null before the second stage. */
    public LinearProbe probe() {
        return probe;
    }

    void probe(LinearProbe value) {
        probe = value;
    }

    /** Last-token embeddings {@code [count][dModel]} of the windows, in inference mode (no dropout). */
    public float[][] embeddings(LabelledWindows windows) {
        if (windows.window() != agent.config().window() || windows.features() != agent.features()) {
            throw new IllegalArgumentException("the model reads windows of " + agent.config().window() + " bars x "
                    + agent.features() + " features, got " + windows.window() + " x " + windows.features());
        }
        int n = windows.count();
        int d = agent.config().dModel();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += INFERENCE_BATCH) {
            int to = Math.min(n, from + INFERENCE_BATCH);
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batch.create(windows.gather(order, from, to), agent.inputShape(to - from));
                float[] flat = agent.encode(new ParameterStore(batch, false), x, false).toFloatArray();
                for (int i = from; i < to; i++) {
                    float[] row = new float[d];
                    System.arraycopy(flat, (i - from) * d, row, 0, d);
                    out[i] = row;
                }
            }
        }
        return out;
    }

    /** The probe's probability of label 1 for every window. */
    public double[] probabilities(LabelledWindows windows) {
        if (probe == null) {
            throw new IllegalStateException("no linear probe yet: run the second stage (TwoStageTrainer.stage2)");
        }
        float[][] embeddings = embeddings(windows);
        double[] out = new double[embeddings.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probe.probability(embeddings[i]);
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
