package org.trellis.rl.ppo;

import java.util.Locale;

/**
 * What one PPO update did. Losses, entropy, approx-KL and clip fraction are means over every
 * minibatch step the update ran.
 *
 * @param policyLoss        the clipped surrogate loss (without the entropy bonus)
 * @param valueLoss         the clipped value loss, its coefficient applied
 * @param entropy           mean entropy of the policy, in nats (ln 3 = 1.0986 is uniform over 3 actions)
 * @param approxKl          mean approx-KL(old || new)
 * @param clipFraction      fraction of steps whose ratio was clipped
 * @param explainedVariance 1 - Var(R - V) / Var(R) of the critic's old values against the returns; NaN when Var(R) is 0
 * @param epochs            epochs run
 * @param stoppedByKl       an epoch's mean approx-KL exceeded the target and ended the update early
 * @param steps             steps in the buffer
 */
public record UpdateReport(double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction,
                           double explainedVariance, int epochs, boolean stoppedByKl, int steps) {
    /** One line for a progress log. */
    public String summary() {
        return String.format(Locale.ROOT, "policy loss %.4f, value loss %.4f, entropy %.4f, approx KL %.5f, clip fraction %.3f,"
                        + " explained variance %.3f, %d epoch(s)%s", policyLoss, valueLoss, entropy, approxKl, clipFraction,
                explainedVariance, epochs, stoppedByKl ? " (stopped by KL)" : "");
    }
}
