package org.trellis.ml.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The encoder layer of PyTorch's {@code nn.TransformerEncoderLayer} with its defaults (post-norm,
 * ReLU, LayerNorm eps 1e-5, batch-first):
 *
 * <pre>
 * x = LN1(x + Dropout(SelfAttention(x, mask)))
 * x = LN2(x + Dropout(Linear2(Dropout(ReLU(Linear1(x))))))
 * </pre>
 *
 * DJL's own {@code TransformerEncoderBlock} normalises with BatchNorm, which mixes statistics across
 * the batch and differs from every PyTorch model; hence this block.
 *
 * <p>Input {@code [x]} or {@code [x, mask]}: {@code x} is {@code [batch, time, dModel]}, the mask an
 * additive {@code [time, time]} array (see {@link CausalMask}) given at forward time, so one layer
 * serves windows of any length. The output is {@code [y]} or {@code [y, mask]}: the mask is handed on,
 * so layers stack.
 */
public final class TransformerEncoderLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float LAYER_NORM_EPSILON = 1e-5f;

    private final int dModel;
    private final float dropout;
    private final MultiHeadSelfAttention attention;
    private final LayerNorm norm1;
    private final Linear linear1;
    private final Linear linear2;
    private final LayerNorm norm2;

    public TransformerEncoderLayer(int dModel, int heads, int feedForward, float dropout) {
        super(VERSION);
        if (feedForward <= 0) {
            throw new IllegalArgumentException("feed-forward size must be > 0, got " + feedForward);
        }
        this.dModel = dModel;
        this.dropout = dropout;
        attention = addChildBlock("attention", new MultiHeadSelfAttention(dModel, heads, dropout));
        // axis 2 of [batch, time, dModel]: DJL's LayerNorm rejects negative axes
        norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).optEpsilon(LAYER_NORM_EPSILON).build());
        linear1 = addChildBlock("linear1", Linear.builder().setUnits(feedForward).build());
        linear2 = addChildBlock("linear2", Linear.builder().setUnits(dModel).build());
        norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).optEpsilon(LAYER_NORM_EPSILON).build());
    }

    public MultiHeadSelfAttention attention() {
        return attention;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray attended = attention.forward(parameterStore, inputs, training).head();
        x = norm1.forward(parameterStore, new NDList(x.add(drop(attended, training))), training).head();

        NDArray hidden = Activation.relu(linear1.forward(parameterStore, new NDList(x), training).head());
        NDArray fed = linear2.forward(parameterStore, new NDList(drop(hidden, training)), training).head();
        x = norm2.forward(parameterStore, new NDList(x.add(drop(fed, training))), training).head();

        NDList out = new NDList(x);
        for (int i = 1; i < inputs.size(); i++) {
            out.add(inputs.get(i));
        }
        return out;
    }

    private NDArray drop(NDArray x, boolean training) {
        return dropout > 0f ? Dropout.dropout(x, dropout, training).head() : x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        if (x.dimension() != 3 || x.get(2) != dModel) {
            throw new IllegalArgumentException("encoder layer expects [batch, time, " + dModel + "], got " + x);
        }
        attention.initialize(manager, dataType, inputShapes);
        norm1.initialize(manager, dataType, x);
        linear1.initialize(manager, dataType, x);
        linear2.initialize(manager, dataType, linear1.getOutputShapes(new Shape[] {x}));
        norm2.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
