package org.trellis.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.rl.io.Tensor;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;
import org.trellis.rl.nn.AgentNetworks;

/** The trainer on each engine: determinism, KL early stop, memory, checkpoints. Small buffers, so each test takes seconds. */
class PpoTrainerTest {
    private static final PpoSettings SMALL = PpoSettings.defaults().toBuilder().bufferSize(32).minibatchSize(8).epochs(3).seed(5).build();
    private static final float UNIFORM = (float) Math.log(1.0 / 3);

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void actingSamplesFromTheActorAndEvaluationTakesTheArgmax(String engine) {
        float[] history = Steps.history(new SplittableRandom(2));
        try (PpoTrainer trainer = PpoTrainer.create(AgentSizes.PHASE5, engine, SMALL);
             PpoTrainer twin = PpoTrainer.create(AgentSizes.PHASE5, engine, SMALL)) {
            float[] p = trainer.networks().forward(history, 1).probabilities();
            float value = trainer.networks().forward(history, 1).values()[0];
            int draws = 3000;
            int[] counts = new int[3];
            for (int i = 0; i < draws; i++) {
                AgentAction a = trainer.act(history);
                assertEquals(a.action(), twin.act(history).action(), "same seed, same draws");
                assertEquals((float) Math.log(p[a.action()]), a.logProb());
                assertEquals(value, a.value());
                counts[a.action()]++;
            }
            for (int action = 0; action < 3; action++) {
                // binomial standard error at p ~ 1/3 and 3000 draws is ~0.009
                assertEquals(p[action], counts[action] / (double) draws, 0.035, "frequency of action " + action);
            }
            int argmax = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            assertEquals(argmax, trainer.actGreedy(history).action());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void sameSeedAndExperiencesGiveIdenticalWeights(String engine) {
        List<Experience> steps = Steps.random(40, UNIFORM, 11);
        AgentWeights initial = InitialWeights.draw(AgentSizes.PHASE5, new SplittableRandom(SMALL.seed()).split());
        try (PpoTrainer a = PpoTrainer.create(AgentSizes.PHASE5, engine, SMALL);
             PpoTrainer b = PpoTrainer.create(AgentSizes.PHASE5, engine, SMALL)) {
            assertTrue(sameBits(initial, a.networks().weights()), "a fresh trainer starts from InitialWeights of its seed");
            List<UpdateReport> reportsA = recordAll(a, steps);
            List<UpdateReport> reportsB = recordAll(b, steps);
            assertEquals(1, reportsA.size());
            assertEquals(reportsA, reportsB);
            assertTrue(sameBits(a.networks().weights(), b.networks().weights()), engine + ": same seed, same experiences");
            assertFalse(sameBits(initial, a.networks().weights()), "the update changed the weights");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void anEpochWhoseApproxKlExceedsTheTargetEndsTheUpdate(String engine) {
        // recorded as if the acting policy had given every taken action probability 0.99, where the
        // fresh actor gives about 1/3: ratio ~0.34, approx KL ~(0.34 - 1) - ln 0.34 = 0.42 > 0.02
        PpoSettings settings = SMALL.toBuilder().epochs(10).build();
        try (PpoTrainer trainer = PpoTrainer.create(AgentSizes.PHASE5, engine, settings)) {
            UpdateReport report = recordAll(trainer, Steps.random(40, (float) Math.log(0.99), 3)).get(0);
            assertEquals(1, report.epochs());
            assertTrue(report.stoppedByKl());
            assertTrue(report.approxKl() > 0.3, "approx KL " + report.approxKl());
            assertTrue(report.clipFraction() > 0.9, "clip fraction " + report.clipFraction());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void honestLogProbabilitiesAndTinyStepsRunEveryEpoch(String engine) {
        PpoSettings settings = SMALL.toBuilder().epochs(10).learningRates(1e-7, 1e-7).build();
        try (PpoTrainer trainer = PpoTrainer.create(AgentSizes.PHASE5, engine, settings)) {
            SplittableRandom random = new SplittableRandom(8);
            Optional<UpdateReport> report = Optional.empty();
            for (int i = 0; report.isEmpty(); i++) {
                float[] history = Steps.history(random);
                AgentAction acted = trainer.act(history);
                report = trainer.record(Experience.of(i % 3, history, acted, (float) random.nextDouble(), i % 6 == 5));
            }
            assertEquals(10, report.get().epochs());
            assertFalse(report.get().stoppedByKl());
            assertTrue(report.get().approxKl() < 1e-6, "approx KL " + report.get().approxKl());
            assertEquals(0, report.get().clipFraction());
            assertEquals(Math.log(3), report.get().entropy(), 0.05, "a fresh actor is close to uniform");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void updatesLeaveNoArraysBehind(String engine) {
        try (PpoTrainer trainer = PpoTrainer.create(AgentSizes.PHASE5, engine, SMALL)) {
            List<Experience> steps = Steps.random(32 * 4 + 2, UNIFORM, 4);
            recordAll(trainer, steps.subList(0, 34));
            int afterFirst = trainer.networks().manager().getManagedArrays().size();
            List<UpdateReport> more = recordAll(trainer, steps.subList(34, steps.size()));
            assertEquals(3, more.size());
            assertEquals(afterFirst, trainer.networks().manager().getManagedArrays().size(),
                    "arrays held by the networks' manager after 1 and after 4 updates");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void aSaveMidTrainingLoadsBackToTheSameOutputs(String engine, @TempDir Path dir) {
        try (PpoTrainer trainer = PpoTrainer.create(AgentSizes.PHASE5, engine, SMALL)) {
            List<UpdateReport> reports = recordAll(trainer, Steps.random(45, UNIFORM, 6));
            assertEquals(1, reports.size());
            assertTrue(trainer.buffered() > 0, "saved with steps in the buffer, as an emergency save would be");
            trainer.save(dir, "test run", "test");

            AgentModel saved = AgentModel.open(dir);
            assertEquals(trainer.rewardStats(), saved.rewardStats());
            assertEquals(32, saved.rewardStats().count());
            assertTrue(sameBits(trainer.networks().weights(), saved.weights()));
            float[] histories = new float[4 * AgentSizes.PHASE5.historyValues()];
            for (int i = 0; i < 4; i++) {
                System.arraycopy(Steps.history(new SplittableRandom(i)), 0, histories, i * 90, 90);
            }
            try (AgentNetworks loaded = AgentNetworks.of(saved.weights(), engine);
                 PpoTrainer resumed = PpoTrainer.resume(saved, engine, SMALL)) {
                assertArrayEquals(trainer.networks().forward(histories, 4).probabilities(), loaded.forward(histories, 4).probabilities());
                assertArrayEquals(trainer.networks().forward(histories, 4).values(), loaded.forward(histories, 4).values());
                assertEquals(trainer.rewardStats(), resumed.rewardStats());
                float[] one = Steps.history(new SplittableRandom(9));
                assertEquals(trainer.actGreedy(one).value(), resumed.actGreedy(one).value());
            }
        }
    }

    static List<UpdateReport> recordAll(PpoTrainer trainer, List<Experience> steps) {
        List<UpdateReport> reports = new ArrayList<>();
        for (Experience step : steps) {
            trainer.record(step).ifPresent(reports::add);
        }
        return reports;
    }

    static boolean sameBits(AgentWeights a, AgentWeights b) {
        List<Tensor> x = List.copyOf(a.tensors());
        List<Tensor> y = List.copyOf(b.tensors());
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).sameBits(y.get(i))) {
                return false;
            }
        }
        return x.size() == y.size();
    }
}
