package org.trellis.rl.ppo;

/**
 * What the agent does with one history: the action, its log-probability and the critic's value, all
 * from one forward pass of that history, plus the full distribution (for confidence sizing).
 *
 * @param action        index of the action (HOLD, BUY, SELL)
 * @param logProb       log of the action's probability
 * @param value         the critic's value of the history
 * @param probabilities the actor's probabilities of every action
 */
public record AgentAction(int action, float logProb, float value, float[] probabilities) {
}
