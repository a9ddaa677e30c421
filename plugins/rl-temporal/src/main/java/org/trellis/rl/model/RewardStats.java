package org.trellis.rl.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running reward statistics PPO z-scores rewards with (Welford): saved with the weights so that a
 * resumed or imported agent scales rewards as it did when it stopped. {@code std} is the population
 * standard deviation of the {@code count} rewards seen.
 */
public record RewardStats(double mean, double std, long count) {
    /** No reward seen yet. */
    public static final RewardStats NONE = new RewardStats(0, 0, 0);

    /** Below this standard deviation rewards are only centred, not scaled (one reward, or all equal). */
    static final double MIN_STD = 1e-8;

    public RewardStats {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std < 0 || count < 0) {
            throw new IllegalArgumentException("reward statistics must be finite with std >= 0 and count >= 0, got mean " + mean
                    + ", std " + std + ", count " + count);
        }
    }

    /**
     * These statistics with one more reward (Welford's update; the sum of squared deviations is
     * carried as std^2 * count, so statistics read from model.json resume exactly where they stopped).
     */
    public RewardStats plus(double reward) {
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("a reward must be finite, got " + reward);
        }
        long n = count + 1;
        double delta = reward - mean;
        double newMean = mean + delta / n;
        double squares = std * std * count + delta * (reward - newMean);
        return new RewardStats(newMean, Math.sqrt(Math.max(0, squares) / n), n);
    }

    /** {@code reward} z-scored: (reward - mean) / std, only centred while std is below {@link #MIN_STD}. */
    public double zScore(double reward) {
        return std < MIN_STD ? reward - mean : (reward - mean) / std;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("std", std);
        m.put("count", count);
        return m;
    }

    /**
     * The statistics as {@link #toMap} wrote them.
     *
     * @throws IllegalArgumentException naming the missing or invalid field
     */
    public static RewardStats fromMap(Map<?, ?> m) {
        return new RewardStats(number(m, "mean").doubleValue(), number(m, "std").doubleValue(), number(m, "count").longValue());
    }

    private static Number number(Map<?, ?> m, String field) {
        if (m.get(field) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("reward_stats." + field + " must be a number, got " + m.get(field));
    }
}
