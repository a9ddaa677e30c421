package org.trellis.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.rl.model.AgentSizes;

/**
 * A contextual bandit needing no simulator: the current state's first feature is +1 or -1 at random;
 * BUY earns 1 when it is +1, SELL earns 1 when it is -1, anything else 0, and every step ends its
 * trajectory. A few seeded updates must teach the policy to prefer the rewarded action in each state.
 */
class PpoLearningTest {
    private static final int BUY = 1;
    private static final int SELL = 2;
    private static final int UPDATES = 12;

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void thePolicyLearnsWhichActionEachStateRewards(String engine) {
        PpoSettings settings = PpoSettings.defaults().toBuilder().bufferSize(64).minibatchSize(16).epochs(4)
                .learningRates(3e-3, 3e-3).seed(21).build();
        try (PpoTrainer trainer = PpoTrainer.create(AgentSizes.PHASE5, engine, settings)) {
            float[] up = state(1);
            float[] down = state(-1);
            float upBefore = trainer.actGreedy(up).probabilities()[BUY];
            float downBefore = trainer.actGreedy(down).probabilities()[SELL];
            SplittableRandom coin = new SplittableRandom(3);
            while (trainer.updates() < UPDATES) {
                boolean isUp = coin.nextBoolean();
                float[] history = isUp ? up : down;
                AgentAction acted = trainer.act(history);
                float reward = acted.action() == (isUp ? BUY : SELL) ? 1f : 0f;
                trainer.record(Experience.of(0, history, acted, reward, true));
            }
            float upAfter = trainer.actGreedy(up).probabilities()[BUY];
            float downAfter = trainer.actGreedy(down).probabilities()[SELL];
            String seen = engine + ": p(BUY | up) " + upBefore + " -> " + upAfter + ", p(SELL | down) " + downBefore + " -> " + downAfter;
            assertTrue(upAfter > 0.6 && downAfter > 0.6, seen);
            assertTrue(upAfter > upBefore + 0.2 && downAfter > downBefore + 0.2, seen);
            assertTrue(trainer.actGreedy(up).action() == BUY && trainer.actGreedy(down).action() == SELL, seen);
        }
    }

    /** A history whose every tick has {@code sign} as its first feature, the rest 0. */
    private static float[] state(float sign) {
        float[] history = new float[AgentSizes.PHASE5.historyValues()];
        for (int t = 0; t < AgentSizes.PHASE5.history(); t++) {
            history[t * AgentSizes.PHASE5.features()] = sign;
        }
        return history;
    }
}
