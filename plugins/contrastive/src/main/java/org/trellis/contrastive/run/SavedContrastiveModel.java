package org.trellis.contrastive.run;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.Params;
import org.trellis.contrastive.features.ContrastiveFeaturesFactory;
import org.trellis.contrastive.model.ContrastiveWeights;
import org.trellis.contrastive.model.LinearProbe;
import org.trellis.contrastive.model.TransformerAgent;
import org.trellis.contrastive.model.TransformerAgentConfig;
import org.trellis.contrastive.train.ContrastiveTraining;
import org.trellis.ml.data.Pca;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelMetadata;

/**
 * A saved contrastive model opened for inference: the agent rebuilt from code with the sizes in
 * model.json, its parameters and the linear probe loaded from the checksummed weights file. Inputs
 * are windows of the {@code contrastive} feature set's values in model.json's feature order, as the
 * feature set makes them: it z-scores itself over each column's own past, so there is no scaler.
 * The output is P(label +1): the upper barrier (close + k ATR 14) is touched first within the horizon.
 */
public final class SavedContrastiveModel implements AutoCloseable {
    private final ModelDirectory directory;
    private final TransformerAgent agent;
    private final LinearProbe probe;
    private final Model model;
    private final ParameterStore parameters;
    private final int horizon;
    private final double barrierK;
    private final int atrPeriod;

    private final Pca pca;
    private float[] projected;
    private double[] row;
    private double[] rowOut;

    private SavedContrastiveModel(ModelDirectory directory, String engine) {
        this.directory = directory;
        ModelMetadata md = directory.metadata();
        Path json = directory.dir().resolve(ModelDirectory.METADATA_FILE);
        if (!ContrastiveTraining.FAMILY.equals(md.family())) {
            throw new ModelException(directory.dir() + " holds a '" + md.family() + "' model, not a contrastive one");
        }
        TransformerAgentConfig config;
        String trainedOn;
        try {
            config = new TransformerAgentConfig(md.intParameter("d_model"), md.intParameter("heads"), md.intParameter("layers"),
                    md.intParameter("feed_forward"), (float) md.doubleParameter("dropout"), md.intParameter("window"),
                    md.doubleParameter("learning_rate"), md.intParameter("projection_dim"));
            this.horizon = md.intParameter("horizon");
            this.barrierK = md.doubleParameter("barrier_k");
            this.atrPeriod = md.intParameter("atr_period");
            trainedOn = Engines.canonicalName(md.engine());
        } catch (IllegalArgumentException e) {
            throw new ModelException(json + ": " + e.getMessage(), e);
        }
        if (md.features().size() <= TransformerAgent.TIME_FEATURES) {
            throw new ModelException(json + " lists " + md.features().size() + " features; the agent needs its market features "
                    + "and the 4 cyclic time features");
        }
        if (engine != null && !Engines.canonicalName(engine).equals(trainedOn)) {
            // DJL builds the same parameters on both engines, but no test proves that this encoder's
            // outputs agree across them: a model runs where it was trained
            throw new ModelException(directory.dir() + " was trained on " + trainedOn + "; it runs on " + trainedOn
                    + " only (train it again with --engine " + Engines.canonicalName(engine) + " to use that engine)");
        }
        this.pca = pcaOf(md, json);
        byte[] weights = directory.weights(); // verified against model.json's checksum before any engine sees it
        Engines.get(trainedOn);
        this.agent = new TransformerAgent(config, pca == null ? md.features().size() : pca.outputs().size());
        this.model = Model.newInstance(ContrastiveTraining.ARCHITECTURE, trainedOn);
        try {
            model.setBlock(agent);
            agent.initialize(model.getNDManager());
            this.probe = ContrastiveWeights.decode(weights, agent, model.getNDManager());
        } catch (ai.djl.MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelException("cannot load the weights of " + directory.dir() + " into a contrastive agent of d_model "
                    + config.dModel() + ", " + config.heads() + " heads, " + config.layers() + " layers, window " + config.window()
                    + ", " + md.features().size() + " features: " + e.getMessage(), e);
        }
        this.parameters = new ParameterStore(model.getNDManager(), false);
    }

    private static Pca pcaOf(ModelMetadata md, Path json) {
        Object stored = md.hyperparameters().get(ContrastiveTraining.PCA);
        if (stored == null) {
            return null;
        }
        Pca pca;
        try {
            pca = ModelDirectory.json().convertValue(stored, Pca.class);
        } catch (IllegalArgumentException e) {
            throw new ModelException(json + ": hyperparameter 'pca' is not a valid PCA: " + e.getMessage(), e);
        }
        if (!pca.inputs().equals(md.features())) {
            throw new ModelException(json + ": the PCA reads " + pca.inputs() + " but the model's features are " + md.features());
        }
        return pca;
    }

    /** The command that makes a model at {@code dir}, for "no model" messages. */
    public static String howToTrain(Object dir) {
        return "./trellis train contrastive --out " + dir;
    }

    /**
     * Open a saved model.
     *
     * @param engine {@code null} for the engine it was trained on
     * @throws ModelException (or {@code ModelNotFoundException}) saying what is wrong and what to do
     */
    public static SavedContrastiveModel open(Path dir, String engine) {
        return new SavedContrastiveModel(ModelDirectory.open(dir, howToTrain(dir)), engine);
    }

    public ModelMetadata metadata() {
        return directory.metadata();
    }

    public Path dir() {
        return directory.dir();
    }

    public List<String> features() {
        return directory.metadata().features();
    }

    public int window() {
        return agent.config().window();
    }

    /** Bars a label scans; the strategy's time-out. */
    public int horizon() {
        return horizon;
    }

    /** Barrier width in ATRs of the labels; the strategy's exits. */
    public double barrierK() {
        return barrierK;
    }

    public int atrPeriod() {
        return atrPeriod;
    }

    /** The feature set's parameters the model was trained with. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> featureParams() {
        Object p = directory.metadata().hyperparameters().get("feature_params");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A fresh instance of the feature set the model reads. */
    public FeatureSet featureSet() {
        return new ContrastiveFeaturesFactory().create(Params.of(featureParams()));
    }

    /**
     * P(label +1) of {@code count} windows laid out [window][bar][feature] in {@code windows},
     * written to {@code out[0 .. count - 1]}. Allocates only inside DJL (the batch's arrays).
     */
    public synchronized void probabilities(float[] windows, int count, double[] out) {
        int features = features().size();
        int size = window() * features;
        if (windows.length < count * size || out.length < count) {
            throw new IllegalArgumentException(count + " windows need " + count * size + " values and " + count + " outputs, got "
                    + windows.length + " and " + out.length);
        }
        float[] input = windows;
        int inputSize = size;
        if (pca != null) {
            input = project(windows, count);
            inputSize = window() * agent.features();
        }
        int d = agent.config().dModel();
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(FloatBuffer.wrap(input, 0, count * inputSize), agent.inputShape(count));
            float[] embeddings = agent.encode(parameters, x, false).toFloatArray();
            for (int i = 0; i < count; i++) {
                out[i] = probe.probability(embeddings, i * d);
            }
        }
    }

    /** Every row of the windows through the PCA, into a buffer kept between calls (rounded to float, as in training). */
    private float[] project(float[] windows, int count) {
        int rows = count * window();
        int width = agent.features();
        if (projected == null || projected.length < rows * width) {
            projected = new float[rows * width];
            row = new double[features().size()];
            rowOut = new double[width];
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = windows[r * row.length + c];
            }
            pca.apply(row, rowOut);
            for (int c = 0; c < width; c++) {
                projected[r * width + c] = (float) rowOut[c];
            }
        }
        return projected;
    }

    /** The PCA between the feature set and the agent, or null when the model has none. */
    public Pca pca() {
        return pca;
    }

    @Override
    public void close() {
        model.close();
    }
}
