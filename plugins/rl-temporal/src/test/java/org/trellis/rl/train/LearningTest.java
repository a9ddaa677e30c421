package org.trellis.rl.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.ppo.AgentAction;
import org.trellis.rl.ppo.PpoSettings;
import org.trellis.rl.ppo.PpoTrainer;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.SimulatorConfig;
import org.trellis.rl.sim.SyntheticProcess;
import org.trellis.rl.sim.Underlying;

/**
 * The learning test: on markets with a planted edge (momentum kappa 0.9 over 300 s in both
 * underlyings, which the books' fair value ignores), a short seeded training run lifts the training
 * policy's mean episode reward (PnL per settled market, on evaluation markets of another seed) from
 * about a random policy's to well above it.
 */
class LearningTest {
    private static final int UPDATES = 10;
    private static final double BASE_DOLLARS = 5;

    private static SimulatorConfig markets(long seed, int windows) {
        return SimulatorConfig.of(List.of(Underlying.synthetic("eth", SyntheticProcess.typical(2500).withMomentum(0.9, 300)),
                Underlying.synthetic("sol", SyntheticProcess.typical(100).withMomentum(0.9, 300))), seed, windows).withTickSeconds(15);
    }

    /** Mean PnL per settled market of {@code policy} on 20 evaluation windows x 2 assets, nothing learned. */
    private static double meanEpisodeReward(Function<float[], AgentAction> policy) {
        TrainingLoop loop = new TrainingLoop(new BinaryMarketSimulator(markets(99, 20)), policy, step -> Optional.empty(), BASE_DOLLARS);
        loop.run(Integer.MAX_VALUE, new StopRequest(), new TrainingLoop.Listener() { });
        return loop.total().meanEpisodeReward();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void trainingLiftsTheMeanEpisodeRewardAboveARandomPolicys(String engine) {
        SplittableRandom coin = new SplittableRandom(1);
        float[] uniform = {1 / 3f, 1 / 3f, 1 / 3f};
        double random = meanEpisodeReward(h -> new AgentAction(coin.nextInt(3), (float) Math.log(1 / 3.0), 0, uniform));
        PpoSettings settings = PpoSettings.defaults().toBuilder().bufferSize(64).minibatchSize(32).epochs(4).learningRates(1e-3, 1e-3)
                .seed(3).build();
        try (PpoTrainer trainer = PpoTrainer.create(AgentSizes.PHASE5, engine, settings)) {
            double before = meanEpisodeReward(trainer::act);
            TrainingLoop training = new TrainingLoop(new BinaryMarketSimulator(markets(1, 1000)), trainer::act, trainer::record, BASE_DOLLARS);
            training.run(UPDATES, new StopRequest(), new TrainingLoop.Listener() { });
            double after = meanEpisodeReward(trainer::act);
            String seen = String.format(Locale.ROOT, "%s: mean episode reward, random policy %.3f, agent before %.3f, after %d updates %.3f",
                    engine, random, before, trainer.updates(), after);
            System.out.println(seen);
            assertTrue(after > random + 1 && after > before + 1, seen);
        }
    }
}
