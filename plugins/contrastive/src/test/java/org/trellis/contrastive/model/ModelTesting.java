package org.trellis.contrastive.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import java.util.List;
import org.trellis.ml.engine.Engines;

/** Shared helpers: every model test runs on both trainable engines, each named explicitly. */
final class ModelTesting {
    static final int SEED = 42;

    private ModelTesting() {
    }

    static List<String> engines() {
        return Engines.TRAINABLE;
    }

    /** An empty model of the named engine (never the default engine), its random generator seeded. */
    static Model model(String engineName, Block block) {
        Engine engine = Engines.get(engineName);
        engine.setRandomSeed(SEED);
        Model model = Model.newInstance("test", engine.getEngineName());
        if (block != null) {
            model.setBlock(block);
        }
        return model;
    }
}
