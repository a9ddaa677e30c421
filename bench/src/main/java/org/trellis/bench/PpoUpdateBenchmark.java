package org.trellis.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.nn.AgentNetworks;
import org.trellis.rl.ppo.Experience;
import org.trellis.rl.ppo.InitialWeights;
import org.trellis.rl.ppo.PpoSettings;
import org.trellis.rl.ppo.PpoUpdate;
import org.trellis.rl.ppo.Rollout;
import org.trellis.rl.ppo.UpdateReport;

/**
 * One rl-temporal PPO update with the spec's settings (256 steps, minibatch 64, 10 epochs: 40 gradient
 * steps of actor and critic) on each engine, against two references measured in the same run: the same
 * update limited to 1 epoch, and one inference forward pass of the 256 histories through actor and
 * critic. The KL early stop is off so that every update runs all its epochs.
 *
 * <p>PyTorch runs with one intra-op thread: on the two shared cores, with anything else running, its
 * default two OpenMP threads made the same forward pass 50-200x slower (1 ms -> 50-200 ms) at random;
 * with one thread it stays ~1 ms. Batches of 64 x 90 gain nothing from a second thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dai.djl.offline=true", "-DTRELLIS_LOG=WARN",
        "-Dai.djl.pytorch.num_threads=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PpoUpdateBenchmark {
    static final int STEPS = 256;

    /** A full rollout of random steps over four interleaved markets, and networks to update on it. */
    @State(Scope.Benchmark)
    public static class Update {
        @Param({"PyTorch", "MXNet"})
        public String engine;

        AgentNetworks networks;
        Rollout rollout;
        float[] rewards;
        float[] histories;
        PpoUpdate tenEpochs;
        PpoUpdate oneEpoch;

        @Setup(Level.Trial)
        public void setUp() {
            AgentSizes sizes = AgentSizes.PHASE5;
            SplittableRandom random = new SplittableRandom(7);
            networks = AgentNetworks.of(InitialWeights.draw(sizes, random.split()), engine);
            histories = InferenceBenchmark.randomWindow(STEPS * sizes.historyValues());
            rollout = new Rollout(STEPS, sizes.historyValues());
            rewards = new float[STEPS];
            for (int i = 0; i < STEPS; i++) {
                float[] history = Arrays.copyOfRange(histories, i * sizes.historyValues(), (i + 1) * sizes.historyValues());
                rewards[i] = (float) random.nextDouble(-1, 1);
                boolean done = i % 60 == 59;
                rollout.add(new Experience(i % 4, history, random.nextInt(3), (float) Math.log(1.0 / 3),
                        (float) random.nextDouble(-1, 1), rewards[i], done), (float) random.nextDouble(-1, 1));
            }
            PpoSettings spec = PpoSettings.defaults().toBuilder().targetKl(Double.POSITIVE_INFINITY).build();
            // both updates train the same networks (each with its own Adam): weights drift, the work per update does not
            tenEpochs = new PpoUpdate(networks, spec, new SplittableRandom(1));
            oneEpoch = new PpoUpdate(networks, spec.toBuilder().epochs(1).build(), new SplittableRandom(2));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            networks.close();
        }
    }

    /** The spec's update: 256 steps x 10 epochs. */
    @Benchmark
    public UpdateReport update(Update u) {
        return u.tenEpochs.run(u.rollout, u.rewards);
    }

    /** Reference: the same update, 1 epoch. */
    @Benchmark
    public UpdateReport updateOneEpoch(Update u) {
        return u.oneEpoch.run(u.rollout, u.rewards);
    }

    /** Reference: actor and critic on the 256 histories, inference mode. */
    @Benchmark
    public float forwardBatch(Update u) {
        return u.networks.forward(u.histories, STEPS).values()[0];
    }
}
