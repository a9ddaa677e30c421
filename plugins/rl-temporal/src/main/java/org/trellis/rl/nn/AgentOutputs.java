package org.trellis.rl.nn;

/**
 * What the networks say about a batch of histories.
 *
 * @param probabilities per history, the action probabilities HOLD, BUY, SELL (row-major [batch, 3])
 * @param values        per history, the critic's value
 */
public record AgentOutputs(float[] probabilities, float[] values) {
}
