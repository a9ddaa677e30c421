package org.trellis.deeplearning.model;

import ai.djl.ndarray.NDArray;
import org.trellis.ml.nn.LastStep;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A binary up/down classifier over one window of bars: input {@code [batch, window, features]},
 * output one logit per window, shape {@code [batch]} (apply a sigmoid for the probability of "up";
 * train with {@code SigmoidBinaryCrossEntropyLoss} with {@code fromSigmoid = false} and labels of
 * shape {@code [batch]}).
 *
 * <p>The window ends at the decision bar and the classifier reads its last time step, so nothing
 * after the decision bar can reach the output. The window length is fixed at construction: a model
 * trained on 50 bars refuses 20.
 */
public abstract class SequenceClassifier extends AbstractBlock {
    private final int features;
    private final int window;

    protected SequenceClassifier(byte version, int features, int window) {
        super(version);
        if (features <= 0 || window <= 0) {
            throw new IllegalArgumentException("a sequence classifier needs features > 0 and window > 0, got features "
                    + features + ", window " + window);
        }
        this.features = features;
        this.window = window;
    }

    public int features() {
        return features;
    }

    public int window() {
        return window;
    }

    /** The sizes this classifier was built with. */
    public abstract ClassifierConfig config();

    /** The input shape for a batch of {@code batch} windows. */
    public Shape inputShape(long batch) {
        return new Shape(batch, window, features);
    }

    /**
     * Initialises the parameters (randomly) for this classifier's input shape, with arrays of {@code
     * manager}: the model's own manager. Needed before {@code loadParameters} as well.
     */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, inputShape(1));
    }

    @Override
    protected final NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(1) != window || shape.get(2) != features) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " expects [batch, " + window + ", "
                    + features + "] (batch, window, features), got " + shape);
        }
        return new NDList(logits(parameterStore, x, training, params).squeeze(1));
    }

    /** The {@code [batch, 1]} logits of a checked {@code [batch, window, features]} input. */
    protected abstract NDArray logits(ParameterStore parameterStore, NDArray x, boolean training,
            PairList<String, Object> params);

    /** The last time step of a {@code [batch, time, width]} array: the decision bar. */
    protected static NDArray lastStep(NDArray sequence) {
        return LastStep.of(sequence);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }
}
