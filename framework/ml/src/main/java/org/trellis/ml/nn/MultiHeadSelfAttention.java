package org.trellis.ml.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product self-attention as in PyTorch's {@code nn.MultiheadAttention} with
 * query = key = value: input {@code [x]} or {@code [x, mask]}, {@code x} of shape {@code [batch, time,
 * dModel]}, an optional additive {@code [time, time]} mask (see {@link CausalMask}); output {@code
 * [batch, time, dModel]}. Dropout acts on the attention weights, as in PyTorch.
 *
 * <p>The query, key and value projections are three Linear blocks rather than PyTorch's fused
 * {@code in_proj_weight}: the same function; PyTorch weights map onto them by splitting the fused
 * matrix in three along its rows.
 */
public final class MultiHeadSelfAttention extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dModel;
    private final int heads;
    private final float dropout;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    public MultiHeadSelfAttention(int dModel, int heads, float dropout) {
        super(VERSION);
        if (dModel <= 0 || heads <= 0) {
            throw new IllegalArgumentException("attention needs dModel > 0 and heads > 0, got dModel " + dModel
                    + ", heads " + heads);
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("dModel " + dModel + " is not divisible by heads " + heads);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.dModel = dModel;
        this.heads = heads;
        this.dropout = dropout;
        query = addChildBlock("query", Linear.builder().setUnits(dModel).build());
        key = addChildBlock("key", Linear.builder().setUnits(dModel).build());
        value = addChildBlock("value", Linear.builder().setUnits(dModel).build());
        output = addChildBlock("output", Linear.builder().setUnits(dModel).build());
    }

    public Linear query() {
        return query;
    }

    public Linear key() {
        return key;
    }

    public Linear value() {
        return value;
    }

    public Linear output() {
        return output;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(2) != dModel) {
            throw new IllegalArgumentException("attention expects [batch, time, " + dModel + "], got " + shape);
        }
        long batch = shape.get(0);
        long time = shape.get(1);
        long headSize = dModel / heads;
        NDArray q = splitHeads(query.forward(parameterStore, new NDList(x), training).head(), batch, time, headSize);
        NDArray k = splitHeads(key.forward(parameterStore, new NDList(x), training).head(), batch, time, headSize);
        NDArray v = splitHeads(value.forward(parameterStore, new NDList(x), training).head(), batch, time, headSize);

        // 4-d matMul works on both engines; batchMatMul is unsupported on MXNet
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(Math.sqrt(headSize));
        if (inputs.size() > 1) {
            NDArray mask = inputs.get(1);
            if (mask.getShape().dimension() != 2 || mask.getShape().get(0) != time || mask.getShape().get(1) != time) {
                throw new IllegalArgumentException("attention mask must be [" + time + ", " + time + "], got "
                        + mask.getShape());
            }
            scores = scores.add(mask.reshape(1, 1, time, time));
        }
        NDArray weights = scores.softmax(-1);
        if (dropout > 0f) {
            weights = Dropout.dropout(weights, dropout, training).head();
        }
        NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, time, dModel);
        return output.forward(parameterStore, new NDList(context), training);
    }

    private NDArray splitHeads(NDArray projected, long batch, long time, long headSize) {
        return projected.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        for (Linear projection : new Linear[] {query, key, value, output}) {
            projection.initialize(manager, dataType, x);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
