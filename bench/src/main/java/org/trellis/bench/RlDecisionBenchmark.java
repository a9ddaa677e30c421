package org.trellis.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trellis.rl.infer.DecisionNetwork;
import org.trellis.rl.io.SafetensorsReader;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;
import org.trellis.rl.nn.AgentNetworks;

/**
 * One rl-temporal decision per asset: the actor's action probabilities for one 5x18 history, with the
 * upstream Phase-5 weights (data/lacuna). The plain-Java decision path ({@link DecisionNetwork}) is
 * measured against the DJL actor block on each engine, run the way a DJL decision would run it (a
 * sub-manager per call, the history copied in, forward in inference mode, softmax, copied out), alone
 * and as a batch of the four assets of one tick (reported per asset). Sample mode: percentiles (p50)
 * of single invocations.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dai.djl.offline=true", "-DTRELLIS_LOG=WARN"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RlDecisionBenchmark {
    static final int ASSETS = 4;

    /** The upstream weights and four histories (one per asset), as the same deterministic inputs for every path. */
    @State(Scope.Benchmark)
    public static class Inputs {
        AgentWeights weights;
        float[] histories;
        float[] probabilities = new float[3];
        int asset;

        @Setup(Level.Trial)
        public void load() {
            weights = AgentWeights.of(AgentSizes.PHASE5, SafetensorsReader.read(upstreamWeights()), "rl_model.safetensors");
            histories = InferenceBenchmark.randomWindow(ASSETS * AgentSizes.PHASE5.historyValues());
        }

        /** The next asset's history offset: consecutive decisions read different histories, as a tick over four markets does. */
        int nextOffset() {
            asset = (asset + 1) % ASSETS;
            return asset * AgentSizes.PHASE5.historyValues();
        }
    }

    @State(Scope.Benchmark)
    public static class Plain {
        DecisionNetwork network;

        @Setup(Level.Trial)
        public void setUp(Inputs inputs) {
            network = new DecisionNetwork(inputs.weights);
        }
    }

    @State(Scope.Benchmark)
    public static class Djl {
        @Param({"PyTorch", "MXNet"})
        public String engine;

        AgentNetworks networks;

        @Setup(Level.Trial)
        public void setUp(Inputs inputs) {
            networks = AgentNetworks.of(inputs.weights, engine);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            networks.close();
        }

        float[] actor(float[] histories, int from, int count) {
            int width = AgentSizes.PHASE5.historyValues();
            try (NDManager call = networks.manager().newSubManager()) {
                NDArray x = call.create(FloatBuffer.wrap(histories, from, count * width), new Shape(count, width));
                NDArray logits = networks.actor().forward(new ParameterStore(call, false), new NDList(x), false).singletonOrThrow();
                return logits.softmax(1).toFloatArray();
            }
        }
    }

    /** Plain Java: the decision path. */
    @Benchmark
    public float plainJava(Inputs inputs, Plain plain) {
        plain.network.actionProbabilities(inputs.histories, inputs.nextOffset(), inputs.probabilities);
        return inputs.probabilities[1];
    }

    /** The DJL actor, one asset per call. */
    @Benchmark
    public float djl(Inputs inputs, Djl djl) {
        return djl.actor(inputs.histories, inputs.nextOffset(), 1)[1];
    }

    /** The DJL actor deciding the four assets of one tick in one batch; time per asset. */
    @Benchmark
    @OperationsPerInvocation(ASSETS)
    public float djlBatchOfFour(Inputs inputs, Djl djl) {
        return djl.actor(inputs.histories, 0, ASSETS)[1];
    }

    /** data/lacuna/rl_model.safetensors, from the project root (bench/run's directory) or from bench/. */
    static Path upstreamWeights() {
        for (String dir : new String[] {"data/lacuna", "../data/lacuna"}) {
            Path p = Path.of(dir, "rl_model.safetensors");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("data/lacuna/rl_model.safetensors not found from " + Path.of("").toAbsolutePath()
                + "; run the benchmark from the project root (bench/run does)");
    }
}
