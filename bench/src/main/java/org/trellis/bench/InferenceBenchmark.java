package org.trellis.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.trellis.deeplearning.features.CandleFeatures;
import org.trellis.deeplearning.model.Architectures;
import org.trellis.deeplearning.model.ClassifierConfig;
import org.trellis.deeplearning.model.LstmConfig;
import org.trellis.deeplearning.model.SequenceClassifier;
import org.trellis.deeplearning.model.TransformerConfig;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.interop.OnnxFormat;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.Sample;

/**
 * Latency of one window (batch 1, 50 bars x 75 candle features) through each deep-learning classifier
 * with its default sizes (BiLSTM hidden 128 x 2 layers; causal Transformer d_model 128, 8 heads, 2
 * layers, feed-forward 512) on each engine, the way {@code DeepLearningModel.probabilities} runs it: a
 * sub-manager per call, the window copied in, forward in inference mode, sigmoid, copied out. Weights
 * are random (latency does not depend on their values).
 *
 * <p>Reference in the same run: the batch-1 forward of the interop BiLSTM
 * {@code data/interop/bilstm_example.onnx} ([1, 20, 12], 16 hidden, exported by PyTorch) on OnnxRuntime,
 * through {@link OnnxFormat} and {@link LoadedModel#predict}, the path {@code models predict} and an
 * imported model strategy take: a small, fixed model whose cost is mostly the per-call overhead of
 * running a native engine from Java, so the ratios say how much of each model's latency is its own work.
 *
 * <p>Each (model, engine) pair gets its own fork, so PyTorch and MXNet never share a JVM; the engines
 * keep their default thread pools (both cores of the build machine).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dai.djl.offline=true", "-DTRELLIS_LOG=WARN"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InferenceBenchmark {
    static final int WINDOW = 50;

    /** One classifier with random weights on one engine, and one window of inputs. */
    @State(Scope.Benchmark)
    public static class Classifier {
        @Param({"lstm", "transformer"})
        public String model;

        @Param({"PyTorch", "MXNet"})
        public String engine;

        Model djlModel;
        SequenceClassifier block;
        ParameterStore parameters;
        float[] window;

        @Setup(Level.Trial)
        public void setUp() {
            Engines.get(engine);
            ClassifierConfig config = Architectures.canonical(model).equals(Architectures.LSTM) ? LstmConfig.DEFAULT : TransformerConfig.DEFAULT;
            block = config.build(CandleFeatures.COUNT, WINDOW);
            djlModel = Model.newInstance(model, engine);
            djlModel.setBlock(block);
            block.initialize(djlModel.getNDManager());
            parameters = new ParameterStore(djlModel.getNDManager(), false);
            window = randomWindow(WINDOW * CandleFeatures.COUNT);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            djlModel.close();
        }
    }

    /** The interop ONNX BiLSTM on OnnxRuntime, and one [20, 12] input. */
    @State(Scope.Benchmark)
    public static class OnnxReference {
        LoadedModel loaded;
        List<Sample> input;

        @Setup(Level.Trial)
        public void setUp() {
            loaded = new OnnxFormat().open(interopModel(), null);
            input = List.of(new Sample(randomWindow(20 * 12), new int[] {20, 12}));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            loaded.close();
        }
    }

    /** P(up) of one window, as {@code DeepLearningModel.probabilities} computes it. */
    @Benchmark
    public float window(Classifier c) {
        try (NDManager call = c.djlModel.getNDManager().newSubManager()) {
            NDArray x = call.create(FloatBuffer.wrap(c.window), new Shape(1, WINDOW, CandleFeatures.COUNT));
            NDArray logits = c.block.forward(c.parameters, new NDList(x), false).singletonOrThrow();
            return Activation.sigmoid(logits).toFloatArray()[0];
        }
    }

    @Benchmark
    public float onnxReference(OnnxReference r) {
        return r.loaded.predict(r.input).get(0)[0];
    }

    static float[] randomWindow(int size) {
        SplittableRandom rnd = new SplittableRandom(7);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (rnd.nextDouble() * 2 - 1); // like z-scored features
        }
        return values;
    }

    /** data/interop/bilstm_example.onnx, from the project root (bench/run's directory) or from bench/. */
    static Path interopModel() {
        for (String dir : new String[] {"data/interop", "../data/interop"}) {
            Path p = Path.of(dir, "bilstm_example.onnx");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("data/interop/bilstm_example.onnx not found from " + Path.of("").toAbsolutePath()
                + "; run the benchmark from the project root (bench/run does)");
    }
}
