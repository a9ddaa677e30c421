package org.trellis.rl.sim;

/**
 * The spec's confidence sizing: an order is {@code base x (0.25 + 0.75 x |p - 0.5| x 2)} dollars, p the
 * probability the policy gave the action it chose; HOLD trades nothing. A sure action trades the full
 * base size, a coin-flip one a quarter of it.
 */
public final class ConfidenceSizing {
    private ConfidenceSizing() {
    }

    /**
     * @param baseDollars the configured base size, >= 0
     * @param action      the chosen action
     * @param probability the policy's probability of that action, in [0, 1]
     */
    public static double dollars(double baseDollars, Action action, double probability) {
        if (action == Action.HOLD) {
            return 0;
        }
        return baseDollars * (0.25 + 0.75 * Math.abs(probability - 0.5) * 2);
    }
}
