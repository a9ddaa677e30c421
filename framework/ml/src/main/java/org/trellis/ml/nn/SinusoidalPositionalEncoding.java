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
 * Adds the fixed sin/cos position table of "Attention is all you need" to an input of shape
 * {@code [batch, time, dModel]}: {@code pe[t, 2i] = sin(t / 10000^(2i/dModel))}, {@code pe[t, 2i+1] =
 * cos(t / 10000^(2i/dModel))}. It has no parameters, so nothing of it is saved but its input shape.
 *
 * <p>Any further arrays in the input list are passed through unchanged, so that the block can sit
 * in front of a {@link CausalMask} or after one.
 */
public final class SinusoidalPositionalEncoding extends AbstractBlock {
    private static final byte VERSION = 1;

    public SinusoidalPositionalEncoding() {
        super(VERSION);
    }

    /**
     * The {@code [length, dModel]} table, made by {@code manager} (never a default manager: with two
     * engines on the classpath that would pick the wrong one). Computed in double precision so that
     * the table is identical on every engine.
     */
    public static NDArray table(NDManager manager, int length, int dModel) {
        if (length <= 0 || dModel <= 0) {
            throw new IllegalArgumentException("positional encoding needs length > 0 and dModel > 0, got length "
                    + length + ", dModel " + dModel);
        }
        float[] values = new float[length * dModel];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < dModel; j++) {
                int pairStart = j - (j % 2);
                double angle = t / Math.pow(10000.0, (double) pairStart / dModel);
                values[t * dModel + j] = (float) (j % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(values, new Shape(length, dModel));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        Shape shape = x.getShape();
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException("positional encoding expects [batch, time, dModel], got " + shape);
        }
        NDArray table = table(x.getManager(), (int) shape.get(1), (int) shape.get(2));
        if (x.getDataType() != DataType.FLOAT32) {
            table = table.toType(x.getDataType(), false);
        }
        NDList out = new NDList(x.add(table));
        for (int i = 1; i < inputs.size(); i++) {
            out.add(inputs.get(i));
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
