package org.trellis.deeplearning.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.trellis.ml.engine.Engines;

/** Shared helpers of the classifier tests; every test runs on both trainable engines. */
final class ClassifierTesting {
    static final int SEED = 42;

    private ClassifierTesting() {
    }

    static List<String> engines() {
        return Engines.TRAINABLE;
    }

    /** A model of the named engine (never the default engine), its random generator seeded. */
    static Model model(String engineName, Block block) {
        return model(engineName, block, SEED);
    }

    static Model model(String engineName, Block block, int seed) {
        Engine engine = Engines.get(engineName);
        engine.setRandomSeed(seed);
        Model model = Model.newInstance("test-" + block.getClass().getSimpleName(), engine.getEngineName());
        model.setBlock(block);
        return model;
    }

    static NDArray infer(Block block, NDManager manager, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).head();
    }

    /** Gaussian windows from a Java generator: identical on both engines. */
    static NDArray windows(NDManager manager, long seed, int batch, int window, int features) {
        Random random = new Random(seed);
        float[] values = new float[batch * window * features];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, new Shape(batch, window, features));
    }
}
