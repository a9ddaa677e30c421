package org.trellis.deeplearning.run;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trellis.deeplearning.model.Architectures;
import org.trellis.deeplearning.model.SequenceClassifier;
import org.trellis.deeplearning.train.DeepLearningTraining;
import org.trellis.ml.data.Scaler;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.ml.nn.BlockWeights;

/**
 * A saved candle classifier, ready for inference: the block rebuilt from code with the sizes in
 * model.json, the checksummed weights loaded into it, and the training scaler. Inputs are raw
 * feature values in the model's column order; the model scales them itself.
 */
public final class DeepLearningModel implements AutoCloseable, WindowClassifier {
    private final ModelDirectory directory;
    private final Scaler scaler;
    private final int window;
    private final int horizon;
    private final Model model;
    private final SequenceClassifier block;
    private final ParameterStore parameters;

    private DeepLearningModel(ModelDirectory directory, String engine) {
        this.directory = directory;
        ModelMetadata md = directory.metadata();
        Path json = directory.dir().resolve(ModelDirectory.METADATA_FILE);
        if (!DeepLearningTraining.FAMILY.equals(md.family())) {
            throw new ModelException(directory.dir() + " holds a '" + md.family() + "' model, not a deep-learning one");
        }
        if (md.scaler() == null) {
            throw new ModelException(json + " has no scaler statistics");
        }
        String trainedOn;
        try {
            this.scaler = new Scaler(md.features(), md.scaler().mean(), md.scaler().std());
            this.window = md.intParameter("window");
            this.horizon = md.intParameter("horizon");
            trainedOn = Engines.canonicalName(md.engine());
        } catch (IllegalArgumentException e) {
            throw new ModelException(json + ": " + e.getMessage(), e);
        }
        if (engine != null && !Engines.canonicalName(engine).equals(trainedOn)) {
            // Recurrent weights saved on one engine load on the other but compute different outputs
            // (DESIGN.md); until a test proves a portable layout, a model runs where it was trained.
            throw new ModelException(directory.dir() + " was trained on " + trainedOn + "; it runs on " + trainedOn
                    + " only (train it again with --engine " + Engines.canonicalName(engine) + " to use that engine)");
        }
        Engines.get(trainedOn);
        try {
            this.block = Architectures.config(md.architecture(), md.hyperparameters()).build(md.features().size(), window);
        } catch (IllegalArgumentException e) {
            throw new ModelException(json + ": " + e.getMessage(), e);
        }
        this.model = Model.newInstance(md.architecture(), trainedOn);
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager());
            BlockWeights.load(block, model.getNDManager(), new ByteArrayInputStream(directory.weights()));
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof ModelException m) {
                throw m;
            }
            throw new ModelException("cannot load the weights of " + directory.dir() + " into a " + md.architecture() + " of "
                    + Architectures.sizes(block.config()) + ": " + e.getMessage(), e);
        }
        this.parameters = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Open a saved model.
     *
     * @param engine {@code null} for the engine it was trained on
     */
    public static DeepLearningModel open(Path dir, String engine) {
        return new DeepLearningModel(ModelDirectory.open(dir, "./trellis train deep-learning --model lstm|transformer --out " + dir), engine);
    }

    public ModelMetadata metadata() {
        return directory.metadata();
    }

    public Path dir() {
        return directory.dir();
    }

    @Override
    public String location() {
        return directory.dir().toString();
    }

    @Override
    public List<String> features() {
        return scaler.features();
    }

    @Override
    public int window() {
        return window;
    }

    public int horizon() {
        return horizon;
    }

    @Override
    public Scaler scaler() {
        return scaler;
    }

    /** The feature set's parameters the model was trained with. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> featureParams() {
        Object p = directory.metadata().hyperparameters().get("feature_params");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * Probabilities of "up" for {@code count} windows of already scaled rows laid out
     * [window][time][feature] in {@code scaled}.
     */
    @Override
    public synchronized double[] probabilities(float[] scaled, int count) {
        int features = scaler.features().size();
        if (scaled.length < count * window * features) {
            throw new IllegalArgumentException(count + " windows need " + count * window * features + " values, got " + scaled.length);
        }
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(java.nio.FloatBuffer.wrap(scaled, 0, count * window * features), new Shape(count, window, features));
            NDArray logits = block.forward(parameters, new NDList(x), false).singletonOrThrow();
            float[] p = Activation.sigmoid(logits).toFloatArray();
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                out[i] = p[i];
            }
            return out;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
