package org.trellis.rl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Welford's running statistics against a two-pass computation, and resumed from their saved form. */
class RewardStatsTest {
    @Test
    void runningMeanAndStdEqualATwoPassComputation() {
        // a large offset with a small spread is where a naive sum-of-squares formula loses its digits
        double[] rewards = new SplittableRandom(7).doubles(10_000, -1, 1).map(x -> 1e4 + x * x * x).toArray();
        RewardStats stats = RewardStats.NONE;
        for (double r : rewards) {
            stats = stats.plus(r);
        }
        double mean = 0;
        for (double r : rewards) {
            mean += r / rewards.length;
        }
        double squares = 0;
        for (double r : rewards) {
            squares += (r - mean) * (r - mean);
        }
        double std = Math.sqrt(squares / rewards.length);
        assertEquals(rewards.length, stats.count());
        assertEquals(mean, stats.mean(), 1e-9);
        assertEquals(std, stats.std(), 1e-9 * std);
        assertEquals((rewards[0] - mean) / std, stats.zScore(rewards[0]), 1e-6);
    }

    @Test
    void statisticsReadBackFromTheirMapContinueAsIfNeverSaved() {
        RewardStats straight = RewardStats.NONE;
        RewardStats resumed = RewardStats.NONE;
        for (int i = 0; i < 100; i++) {
            double r = Math.sin(i) * 3 + (i % 7 == 0 ? 20 : 0);
            straight = straight.plus(r);
            resumed = i == 50 ? RewardStats.fromMap(resumed.toMap()).plus(r) : resumed.plus(r);
        }
        assertEquals(straight.mean(), resumed.mean(), 1e-12);
        assertEquals(straight.std(), resumed.std(), 1e-12);
    }

    @Test
    void oneRewardIsOnlyCentred() {
        RewardStats one = RewardStats.NONE.plus(5);
        assertEquals(0, one.std());
        assertEquals(2, one.zScore(7), 1e-12);
    }
}
