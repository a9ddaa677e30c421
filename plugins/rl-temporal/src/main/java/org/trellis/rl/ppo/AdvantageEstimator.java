package org.trellis.rl.ppo;

import java.util.HashMap;
import java.util.Map;

/**
 * Generalized advantage estimation (Schulman et al. 2016) over steps of possibly interleaved streams:
 * <pre>
 *   delta_t = r_t + gamma * (1 - done_t) * V(next_t) - V_t
 *   A_t     = delta_t + gamma * lambda * (1 - done_t) * A_next(t)
 *   R_t     = A_t + V_t                      (the critic's target)
 * </pre>
 * where next(t) is the next step of the same stream. A stream's last step in the buffer has no
 * successor there: its A_next is 0 and V(next_t) is the bootstrap value the step carries; a done step
 * bootstraps nothing.
 */
public final class AdvantageEstimator {
    private final double gamma;
    private final double lambda;

    public AdvantageEstimator(double gamma, double lambda) {
        this.gamma = gamma;
        this.lambda = lambda;
    }

    /**
     * Fills {@code advantages[0, n)} and {@code returns[0, n)}.
     *
     * @param nextValues per step, the value of the stream's next history (the next step's value, or the
     *                   bootstrap value for a stream's last step); ignored where {@code dones} is true
     */
    public void estimate(int n, float[] rewards, float[] values, float[] nextValues, boolean[] dones, int[] streams,
                         float[] advantages, float[] returns) {
        // walking backwards, each stream's running advantage is that of its next step in the buffer
        Map<Integer, Double> following = new HashMap<>();
        for (int t = n - 1; t >= 0; t--) {
            double continues = dones[t] ? 0 : 1;
            double delta = rewards[t] + gamma * continues * nextValues[t] - values[t];
            double advantage = delta + gamma * lambda * continues * following.getOrDefault(streams[t], 0.0);
            following.put(streams[t], advantage);
            advantages[t] = (float) advantage;
            returns[t] = (float) (advantage + values[t]);
        }
    }
}
