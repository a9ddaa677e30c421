package org.trellis.contrastive.model;

import ai.djl.ndarray.NDArray;
import org.trellis.ml.nn.LastStep;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.trellis.ml.nn.CausalMask;
import org.trellis.ml.nn.SinusoidalPositionalEncoding;
import org.trellis.ml.nn.TransformerEncoderLayer;

/**
 * The Transformer agent of the spec, over windows {@code [batch, window, features]}:
 *
 * <pre>
 * h = InputProjection(x[..., :features-4]) + TimeEmbedding(x[..., features-4:])   (both linear, to dModel)
 * h = h + sinusoidal positional encoding
 * h = encoder layers (post-norm, LayerNorm) under the causal mask
 * e = h[:, -1, :]                                       the decision bar: encode()
 * direction  = tanh(Linear(e))      [batch], in (-1, 1)
 * confidence = sigmoid(Linear(e))   [batch], in (0, 1)
 * projection = L2-normalise(Linear(ReLU(Linear(e))))   [batch, projectionDim]: project()
 * </pre>
 *
 * <p><b>Input layout:</b> the <em>last four columns</em> of every bar are the cyclic time features
 * (e.g. sin/cos of hour of day and of day of week); they get their own linear embedding, summed into
 * the projection of the other columns, which is why a window needs at least 5 columns.
 *
 * <p>The causal mask keeps every position from attending to later bars, so the representation of bar
 * t is built from bars up to t ({@link #sequence} exposes it for every position). The forward pass
 * returns {@code [direction, confidence]}; {@link #encode} gives the last-token embedding that the
 * contrastive stage and the linear probe read, and {@link #project} the unit vectors SupCon is
 * computed on.
 */
public final class TransformerAgent extends AbstractBlock {
    private static final byte VERSION = 1;

    /** Cyclic time features at the end of every bar. */
    public static final int TIME_FEATURES = 4;

    private final TransformerAgentConfig config;
    private final int features;
    private final Linear inputProjection;
    private final Linear timeEmbedding;
    private final SinusoidalPositionalEncoding position;
    private final CausalMask mask;
    private final List<TransformerEncoderLayer> encoder = new ArrayList<>();
    private final Linear directionHead;
    private final Linear confidenceHead;
    private final Linear projectionHidden;
    private final Linear projectionOut;

    /**
     * @param features columns per bar, the last {@value #TIME_FEATURES} of them the time features
     */
    public TransformerAgent(TransformerAgentConfig config, int features) {
        super(VERSION);
        if (features <= TIME_FEATURES) {
            throw new IllegalArgumentException("the transformer agent needs more than " + TIME_FEATURES
                    + " columns per bar (market features, then the 4 cyclic time features last), got " + features);
        }
        this.config = config;
        this.features = features;
        inputProjection = addChildBlock("inputProjection", Linear.builder().setUnits(config.dModel()).build());
        timeEmbedding = addChildBlock("timeEmbedding", Linear.builder().setUnits(config.dModel()).build());
        position = addChildBlock("position", new SinusoidalPositionalEncoding());
        mask = addChildBlock("mask", new CausalMask());
        for (int layer = 0; layer < config.layers(); layer++) {
            encoder.add(addChildBlock("encoder" + layer, new TransformerEncoderLayer(config.dModel(), config.heads(),
                    config.feedForward(), config.dropout())));
        }
        directionHead = addChildBlock("direction", Linear.builder().setUnits(1).build());
        confidenceHead = addChildBlock("confidence", Linear.builder().setUnits(1).build());
        projectionHidden = addChildBlock("projectionHidden", Linear.builder().setUnits(config.dModel()).build());
        projectionOut = addChildBlock("projection", Linear.builder().setUnits(config.projectionDim()).build());
    }

    public TransformerAgentConfig config() {
        return config;
    }

    public int features() {
        return features;
    }

    /** The input shape for a batch of {@code batch} windows. */
    public Shape inputShape(long batch) {
        return new Shape(batch, config.window(), features);
    }

    /** Random initialisation for this agent's input shape, with the model's own {@code manager}. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, inputShape(1));
    }

    /** The encoder output at every position, {@code [batch, window, dModel]}; position t sees bars up to t. */
    public NDArray sequence(ParameterStore parameterStore, NDArray x, boolean training) {
        check(x.getShape());
        int split = features - TIME_FEATURES;
        NDArray market = x.get(":, :, :" + split);
        NDArray time = x.get(":, :, " + split + ":");
        NDArray hidden = inputProjection.forward(parameterStore, new NDList(market), training).head()
                .add(timeEmbedding.forward(parameterStore, new NDList(time), training).head());
        NDList list = position.forward(parameterStore, new NDList(hidden), training);
        list = mask.forward(parameterStore, list, training);
        for (TransformerEncoderLayer layer : encoder) {
            list = layer.forward(parameterStore, list, training);
        }
        return list.get(0);
    }

    /**
     * Freeze (or thaw) the direction and confidence heads. The contrastive stage never runs them, and on
     * PyTorch the gradient of a parameter no forward pass touched is never written: it holds whatever
     * memory it got, sometimes NaN, which the global gradient norm then spread to every parameter.
     * Frozen, they have no gradient and no optimizer update.
     */
    public void freezeHeads(boolean freeze) {
        directionHead.freezeParameters(freeze);
        confidenceHead.freezeParameters(freeze);
    }

    /** The last-token embedding {@code [batch, dModel]}: what the contrastive stage and the probe read. */
    public NDArray encode(ParameterStore parameterStore, NDArray x, boolean training) {
        return LastStep.of(sequence(parameterStore, x, training));
    }

    /** The projection head on the embedding: unit vectors {@code [batch, projectionDim]}. */
    public NDArray project(ParameterStore parameterStore, NDArray x, boolean training) {
        NDArray embedding = encode(parameterStore, x, training);
        NDArray hidden = Activation.relu(projectionHidden.forward(parameterStore, new NDList(embedding), training).head());
        NDArray out = projectionOut.forward(parameterStore, new NDList(hidden), training).head();
        // + 1e-12 inside the root: finite value and gradient even for a zero vector
        return out.div(out.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray embedding = encode(parameterStore, inputs.singletonOrThrow(), training);
        NDArray direction = directionHead.forward(parameterStore, new NDList(embedding), training).head().tanh();
        NDArray confidence = Activation.sigmoid(
                confidenceHead.forward(parameterStore, new NDList(embedding), training).head());
        long batch = embedding.getShape().get(0);
        return new NDList(direction.reshape(batch), confidence.reshape(batch));
    }

    private void check(Shape shape) {
        if (shape.dimension() != 3 || shape.get(1) != config.window() || shape.get(2) != features) {
            throw new IllegalArgumentException("the transformer agent expects [batch, " + config.window() + ", "
                    + features + "] (batch, window, features), got " + shape);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        check(x);
        long batch = x.get(0);
        long time = x.get(1);
        inputProjection.initialize(manager, dataType, new Shape(batch, time, features - TIME_FEATURES));
        timeEmbedding.initialize(manager, dataType, new Shape(batch, time, TIME_FEATURES));
        Shape hidden = new Shape(batch, time, config.dModel());
        position.initialize(manager, dataType, hidden);
        mask.initialize(manager, dataType, hidden);
        for (TransformerEncoderLayer layer : encoder) {
            layer.initialize(manager, dataType, hidden, new Shape(time, time));
        }
        Shape embedding = new Shape(batch, config.dModel());
        directionHead.initialize(manager, dataType, embedding);
        confidenceHead.initialize(manager, dataType, embedding);
        projectionHidden.initialize(manager, dataType, embedding);
        projectionOut.initialize(manager, dataType, embedding);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape batch = new Shape(inputShapes[0].get(0));
        return new Shape[] {batch, batch};
    }
}
