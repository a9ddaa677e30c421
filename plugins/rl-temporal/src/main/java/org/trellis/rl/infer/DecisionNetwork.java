package org.trellis.rl.infer;

import org.trellis.rl.model.AgentWeights;

/**
 * The agent's forward pass in plain float32 Java, for the decision path: no engine call, no
 * allocation per decision (buffers are made once), so many markets can be decided per tick. Its
 * outputs equal the DJL networks' ({@code AgentNetworks}) to float rounding (tested); training stays on
 * DJL. Not thread-safe: use one instance per thread.
 */
public final class DecisionNetwork {
    private final PlainTower actor;
    private final PlainTower critic;
    private final int historyValues;
    private final float[] value = new float[1];

    public DecisionNetwork(AgentWeights weights) {
        this.actor = new PlainTower(weights, "actor");
        this.critic = new PlainTower(weights, "critic");
        this.historyValues = weights.sizes().historyValues();
    }

    /** Values in one history: ticks x features, oldest first, the current state last. */
    public int historyValues() {
        return historyValues;
    }

    /** Actions (HOLD, BUY, SELL). */
    public int actions() {
        return actor.outputs();
    }

    /**
     * The actor's action probabilities for one history, written to {@code probabilities[0, actions)}:
     * what a decision needs (evaluation acts by argmax; the critic is not run).
     */
    public void actionProbabilities(float[] history, int from, float[] probabilities) {
        check(history, from);
        actor.forward(history, from, probabilities);
        softmax(probabilities, actor.outputs());
    }

    /** The critic's value of one history. */
    public float value(float[] history, int from) {
        check(history, from);
        critic.forward(history, from, value);
        return value[0];
    }

    private void check(float[] history, int from) {
        if (from < 0 || from + historyValues > history.length) {
            throw new IllegalArgumentException("a history is " + historyValues + " values; " + history.length
                    + " values from index " + from + " do not hold one");
        }
    }

    /** Softmax in place over {@code x[0, n)}, shifted by the maximum so that no logit overflows. */
    private static void softmax(float[] x, int n) {
        float max = x[0];
        for (int i = 1; i < n; i++) {
            max = Math.max(max, x[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(x[i] - max);
            x[i] = (float) e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            x[i] = (float) (x[i] / sum);
        }
    }
}
