package org.trellis.rl.state;

/**
 * Feature 10's input: the population standard deviation of the market's last 30 UP mids ("prob"), one
 * per tick; 0 with fewer than 30. Per market: cleared when the market rolls over, since a new market's
 * prob starts again near 0.5 and the jump is not volatility.
 */
final class ProbVolatility {
    static final int WINDOW = 30;

    private final double[] probs = new double[WINDOW];
    private int count;
    private int next;

    void add(double prob) {
        probs[next] = prob;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    void clear() {
        count = 0;
        next = 0;
    }

    double std() {
        if (count < WINDOW) {
            return 0;
        }
        double mean = 0;
        for (double p : probs) {
            mean += p;
        }
        mean /= WINDOW;
        double variance = 0;
        for (double p : probs) {
            variance += (p - mean) * (p - mean);
        }
        return Math.sqrt(variance / WINDOW);
    }
}
