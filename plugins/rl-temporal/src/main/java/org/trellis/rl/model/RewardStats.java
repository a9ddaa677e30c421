package org.trellis.rl.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running reward statistics PPO z-scores rewards with (Welford): saved with the weights so that a
 * resumed or imported agent scales rewards as it did when it stopped.
 */
public record RewardStats(double mean, double std, long count) {
    public RewardStats {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std < 0 || count < 0) {
            throw new IllegalArgumentException("reward statistics must be finite with std >= 0 and count >= 0, got mean " + mean
                    + ", std " + std + ", count " + count);
        }
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
