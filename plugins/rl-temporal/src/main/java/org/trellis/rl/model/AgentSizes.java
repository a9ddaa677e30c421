package org.trellis.rl.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of the actor-critic: the state (features per tick), the history the temporal encoder
 * reads, the encoder's layers and the actor's and critic's hidden widths. The architecture itself is
 * code; these numbers are all a saved model needs to rebuild it, and they name and shape every tensor.
 *
 * @param features      state features per tick (the current state the actor and critic see directly)
 * @param history       ticks the temporal encoder reads, oldest first, the current one last
 * @param encoderHidden width of the temporal encoder's first layer
 * @param temporal      width of the temporal encoding
 * @param actorHidden   width of the actor's two hidden layers
 * @param criticHidden  width of the critic's two hidden layers
 * @param actions       actions, in the order HOLD, BUY, SELL
 */
public record AgentSizes(int features, int history, int encoderHidden, int temporal, int actorHidden, int criticHidden,
                         int actions) {
    /** The upstream Phase-5 network (spec/rl-temporal.md). */
    public static final AgentSizes PHASE5 = new AgentSizes(18, 5, 64, 32, 64, 96, 3);

    /** LayerNorm's epsilon, as upstream (population variance, affine). */
    public static final float LAYER_NORM_EPSILON = 1e-5f;

    public AgentSizes {
        for (int size : new int[] {features, history, encoderHidden, temporal, actorHidden, criticHidden, actions}) {
            if (size < 1) {
                throw new IllegalArgumentException("every size of the agent must be >= 1, got " + size);
            }
        }
    }

    /** Inputs of the temporal encoder: the flattened history. */
    public int historyValues() {
        return history * features;
    }

    /** Inputs of the actor's and critic's first layer: the current state and the temporal encoding. */
    public int headInputs() {
        return features + temporal;
    }

    /**
     * Every tensor the upstream weights hold, by upstream name, with its shape (linear weights stored
     * [out, in], as PyTorch does), actor first.
     */
    public Map<String, int[]> tensorShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        tower(shapes, "actor", actorHidden, actions);
        tower(shapes, "critic", criticHidden, 1);
        return shapes;
    }

    private void tower(Map<String, int[]> shapes, String prefix, int hidden, int outputs) {
        String encoder = prefix + ".temporal_encoder.";
        linear(shapes, encoder + "fc1", historyValues(), encoderHidden);
        norm(shapes, encoder + "ln1", encoderHidden);
        linear(shapes, encoder + "fc2", encoderHidden, temporal);
        norm(shapes, encoder + "ln2", temporal);
        linear(shapes, prefix + ".fc1", headInputs(), hidden);
        norm(shapes, prefix + ".ln1", hidden);
        linear(shapes, prefix + ".fc2", hidden, hidden);
        norm(shapes, prefix + ".ln2", hidden);
        linear(shapes, prefix + ".fc3", hidden, outputs);
    }

    private static void linear(Map<String, int[]> shapes, String name, int in, int out) {
        shapes.put(name + ".weight", new int[] {out, in});
        shapes.put(name + ".bias", new int[] {out});
    }

    private static void norm(Map<String, int[]> shapes, String name, int size) {
        shapes.put(name + ".weight", new int[] {size});
        shapes.put(name + ".bias", new int[] {size});
    }

    /** As model.json's hyperparameters. */
    public Map<String, Object> toHyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("features", features);
        h.put("history", history);
        h.put("encoder_hidden", encoderHidden);
        h.put("temporal", temporal);
        h.put("actor_hidden", actorHidden);
        h.put("critic_hidden", criticHidden);
        h.put("actions", actions);
        return h;
    }

    /**
     * The sizes recorded in model.json's hyperparameters.
     *
     * @throws IllegalArgumentException naming the missing or invalid hyperparameter
     */
    public static AgentSizes fromHyperparameters(Map<String, Object> h) {
        return new AgentSizes(size(h, "features"), size(h, "history"), size(h, "encoder_hidden"), size(h, "temporal"),
                size(h, "actor_hidden"), size(h, "critic_hidden"), size(h, "actions"));
    }

    private static int size(Map<String, Object> h, String name) {
        if (h.get(name) instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        throw new IllegalArgumentException("hyperparameter '" + name + "' must be an integer, got " + h.get(name));
    }
}
