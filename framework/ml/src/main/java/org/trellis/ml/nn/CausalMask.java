package org.trellis.ml.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Appends the causal attention mask to its input: {@code [x]} becomes {@code [x, mask]}, where
 * {@code x} is {@code [batch, time, d]} and the mask is the {@code [time, time]} additive mask: 0
 * where query {@code t} may look at key {@code s <= t}, {@link #BLOCKED} where {@code s > t}.
 * {@link TransformerEncoderLayer} reads it as the second array of its input and passes it on, so
 * layers stack in a plain sequence.
 *
 * <p>PyTorch's {@code generate_square_subsequent_mask} uses minus infinity. In float32 a large finite
 * value gives the same attention weights (the softmax term underflows to exactly 0), and unlike
 * minus infinity it can never turn into NaN (minus infinity minus minus infinity), e.g. when this mask
 * is later combined with a padding mask that blocks a whole row.
 *
 * <p>The mask is built by hand (DJL has no engine-neutral {@code tril}) from the input's own
 * manager, at every forward: it depends on the window length and costs {@code time^2} floats.
 */
public final class CausalMask extends AbstractBlock {
    private static final byte VERSION = 1;

    /** The mask value of a key a query must not see. */
    public static final float BLOCKED = -1e9f;

    public CausalMask() {
        super(VERSION);
    }

    /** The {@code [length, length]} float32 mask, made by {@code manager}. */
    public static NDArray create(NDManager manager, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("a causal mask needs length > 0, got " + length);
        }
        float[] values = new float[length * length];
        for (int query = 0; query < length; query++) {
            for (int key = query + 1; key < length; key++) {
                values[query * length + key] = BLOCKED;
            }
        }
        return manager.create(values, new Shape(length, length));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        if (x.getShape().dimension() != 3) {
            throw new IllegalArgumentException("causal mask expects [batch, time, d], got " + x.getShape());
        }
        NDArray mask = create(x.getManager(), (int) x.getShape().get(1));
        if (x.getDataType() != DataType.FLOAT32) {
            mask = mask.toType(x.getDataType(), false);
        }
        return new NDList(x, mask);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long time = inputShapes[0].get(1);
        return new Shape[] {inputShapes[0], new Shape(time, time)};
    }
}
