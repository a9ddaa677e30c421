package org.trellis.rl.infer;

import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;

/**
 * One of the agent's two networks (actor or critic) in plain Java: its own temporal encoder over the
 * flattened history, then [current state ++ encoding] through two LayerNorm-tanh layers to the output
 * layer. Buffers are allocated once; a forward pass allocates nothing, so one instance serves one
 * thread.
 */
final class PlainTower {
    private final DenseLayer encoderFc1;
    private final LayerNormTanh encoderLn1;
    private final DenseLayer encoderFc2;
    private final LayerNormTanh encoderLn2;
    private final DenseLayer fc1;
    private final LayerNormTanh ln1;
    private final DenseLayer fc2;
    private final LayerNormTanh ln2;
    private final DenseLayer fc3;
    private final int features;
    private final float[] encoderHidden;
    private final float[] encoding;
    private final float[] headInput;
    private final float[] hidden1;
    private final float[] hidden2;

    PlainTower(AgentWeights weights, String prefix) {
        AgentSizes sizes = weights.sizes();
        String encoder = prefix + ".temporal_encoder.";
        encoderFc1 = dense(weights, encoder + "fc1");
        encoderLn1 = norm(weights, encoder + "ln1");
        encoderFc2 = dense(weights, encoder + "fc2");
        encoderLn2 = norm(weights, encoder + "ln2");
        fc1 = dense(weights, prefix + ".fc1");
        ln1 = norm(weights, prefix + ".ln1");
        fc2 = dense(weights, prefix + ".fc2");
        ln2 = norm(weights, prefix + ".ln2");
        fc3 = dense(weights, prefix + ".fc3");
        features = sizes.features();
        encoderHidden = new float[encoderFc1.outputs()];
        encoding = new float[encoderFc2.outputs()];
        headInput = new float[fc1.inputs()];
        hidden1 = new float[fc1.outputs()];
        hidden2 = new float[fc2.outputs()];
    }

    int outputs() {
        return fc3.outputs();
    }

    /**
     * Writes the tower's raw outputs (logits or value) to {@code out}, from the history at
     * {@code history[from, from + history * features)}, oldest tick first; its last row is the current state.
     */
    void forward(float[] history, int from, float[] out) {
        encoderFc1.apply(history, from, encoderHidden);
        encoderLn1.apply(encoderHidden);
        encoderFc2.apply(encoderHidden, 0, encoding);
        encoderLn2.apply(encoding);
        int current = from + encoderFc1.inputs() - features;
        System.arraycopy(history, current, headInput, 0, features);
        System.arraycopy(encoding, 0, headInput, features, encoding.length);
        fc1.apply(headInput, 0, hidden1);
        ln1.apply(hidden1);
        fc2.apply(hidden1, 0, hidden2);
        ln2.apply(hidden2);
        fc3.apply(hidden2, 0, out);
    }

    private static DenseLayer dense(AgentWeights weights, String name) {
        return new DenseLayer(weights.values(name + ".weight"), weights.values(name + ".bias"));
    }

    private static LayerNormTanh norm(AgentWeights weights, String name) {
        return new LayerNormTanh(weights.values(name + ".weight"), weights.values(name + ".bias"), AgentSizes.LAYER_NORM_EPSILON);
    }
}
