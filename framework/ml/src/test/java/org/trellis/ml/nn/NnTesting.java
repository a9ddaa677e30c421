package org.trellis.ml.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.trellis.ml.engine.Engines;

/** Shared helpers of the layer tests: every test runs on both trainable engines. */
final class NnTesting {
    static final long SEED = 42;

    private NnTesting() {
    }

    static List<String> engines() {
        return Engines.TRAINABLE;
    }

    /** A manager of the named engine, with the engine's random generator seeded. */
    static NDManager manager(String engineName) {
        Engine engine = Engines.get(engineName);
        engine.setRandomSeed((int) SEED);
        return engine.newBaseManager();
    }

    static <B extends Block> B initialized(B block, NDManager manager, Shape... shapes) {
        block.initialize(manager, DataType.FLOAT32, shapes);
        return block;
    }

    /** Inference-mode forward pass. */
    static NDList infer(Block block, NDManager manager, NDArray... inputs) {
        return block.forward(new ParameterStore(manager, false), new NDList(inputs), false);
    }

    /** Deterministic inputs from a Java generator, so that they are identical on both engines. */
    static NDArray random(NDManager manager, long seed, long... shape) {
        java.util.Random random = new java.util.Random(seed);
        Shape s = new Shape(shape);
        float[] values = new float[(int) s.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, s);
    }

    /** Changes every input after time step {@code t} of a {@code [batch, time, features]} array. */
    static NDArray perturbAfter(NDManager manager, NDArray x, int t) {
        Shape shape = x.getShape();
        float[] values = x.toFloatArray();
        long time = shape.get(1);
        long features = shape.get(2);
        java.util.Random random = new java.util.Random(7);
        for (int b = 0; b < shape.get(0); b++) {
            for (long step = t + 1; step < time; step++) {
                for (int f = 0; f < features; f++) {
                    values[(int) ((b * time + step) * features + f)] += (float) (3 * random.nextGaussian());
                }
            }
        }
        return manager.create(values, shape);
    }

    /** The largest absolute difference of two {@code [batch, time, d]} arrays over time steps 0..t. */
    static double maxDiffUpTo(NDArray a, NDArray b, int t, int fromChannel, int toChannel) {
        Shape shape = a.getShape();
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        long time = shape.get(1);
        long width = shape.get(2);
        double max = 0;
        for (int batch = 0; batch < shape.get(0); batch++) {
            for (int step = 0; step <= t; step++) {
                for (int c = fromChannel; c < toChannel; c++) {
                    int i = (int) ((batch * time + step) * width + c);
                    max = Math.max(max, Math.abs(x[i] - y[i]));
                }
            }
        }
        return max;
    }

    /** As {@link #maxDiffUpTo} but over time steps after t. */
    static double maxDiffAfter(NDArray a, NDArray b, int t, int fromChannel, int toChannel) {
        Shape shape = a.getShape();
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        long time = shape.get(1);
        long width = shape.get(2);
        double max = 0;
        for (int batch = 0; batch < shape.get(0); batch++) {
            for (long step = t + 1; step < time; step++) {
                for (int c = fromChannel; c < toChannel; c++) {
                    int i = (int) ((batch * time + step) * width + c);
                    max = Math.max(max, Math.abs(x[i] - y[i]));
                }
            }
        }
        return max;
    }

    /** A time step up to which outputs must not move: the whole window before it is "the past". */
    static double maxDiffUpToAll(NDArray a, NDArray b, int t) {
        return maxDiffUpTo(a, b, t, 0, (int) a.getShape().get(2));
    }
}
