package org.trellis.rl.ppo;

/**
 * One step of one trajectory, everything from the same tick (the spec's Decision): the history the
 * agent saw, the action it took there with that action's log-probability and the critic's value, both
 * from that same history, then the reward the step earned and whether it ended the trajectory.
 *
 * @param stream  the trajectory this step continues, e.g. the asset's index: steps of several markets
 *                may be recorded interleaved, GAE follows each stream on its own
 * @param history ticks x features values, oldest tick first, the current state last (copied: the caller may reuse its array)
 * @param action  the action index (HOLD, BUY, SELL)
 * @param logProb log-probability of {@code action} under the policy that acted
 * @param value   the critic's value of {@code history} when the agent acted
 * @param reward  the raw reward (z-scored by the trainer at update time)
 * @param done    the trajectory ended with this step (a market's expiry): nothing is bootstrapped after it
 */
public record Experience(int stream, float[] history, int action, float logProb, float value, float reward, boolean done) {
    public Experience {
        history = history.clone();
        if (stream < 0) {
            throw new IllegalArgumentException("an experience's stream must be >= 0, got " + stream);
        }
        if (!Float.isFinite(logProb) || logProb > 0 || !Float.isFinite(value) || !Float.isFinite(reward)) {
            throw new IllegalArgumentException("an experience needs a finite log-probability <= 0, value and reward; got log-prob "
                    + logProb + ", value " + value + ", reward " + reward);
        }
    }

    /** The same step, as recorded by {@link PpoTrainer#act}: its action, log-probability and value. */
    public static Experience of(int stream, float[] history, AgentAction acted, float reward, boolean done) {
        return new Experience(stream, history, acted.action(), acted.logProb(), acted.value(), reward, done);
    }
}
