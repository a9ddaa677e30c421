package org.trellis.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** A rollout with its advantages and returns, cut into minibatches of engine arrays by a shuffled order. */
final class Minibatch {
    private final Rollout rollout;
    private final float[] advantages;
    private final float[] returns;
    private final int actions;

    /** The arrays of one minibatch of m steps. */
    record Arrays(NDArray histories, NDArray oneHotActions, NDArray oldLogProbs, NDArray oldValues, NDArray returns,
                  NDArray advantages) {
    }

    Minibatch(Rollout rollout, float[] advantages, float[] returns, int actions) {
        this.rollout = rollout;
        this.advantages = advantages;
        this.returns = returns;
        this.actions = actions;
    }

    /** The steps {@code order[from, to)} as arrays of {@code manager}. */
    Arrays arrays(NDManager manager, int[] order, int from, int to) {
        int m = to - from;
        int width = rollout.width();
        float[] histories = new float[m * width];
        float[] oneHot = new float[m * actions];
        float[] oldLogProbs = new float[m];
        float[] oldValues = new float[m];
        float[] stepReturns = new float[m];
        float[] stepAdvantages = new float[m];
        for (int i = 0; i < m; i++) {
            int s = order[from + i];
            System.arraycopy(rollout.histories, s * width, histories, i * width, width);
            oneHot[i * actions + rollout.actions[s]] = 1f;
            oldLogProbs[i] = rollout.logProbs[s];
            oldValues[i] = rollout.values[s];
            stepReturns[i] = returns[s];
            stepAdvantages[i] = advantages[s];
        }
        return new Arrays(manager.create(histories, new Shape(m, width)), manager.create(oneHot, new Shape(m, actions)),
                manager.create(oldLogProbs), manager.create(oldValues), manager.create(stepReturns), manager.create(stepAdvantages));
    }
}
