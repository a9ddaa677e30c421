package org.trellis.ml.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stack of bidirectional LSTM layers with PyTorch's semantics ({@code nn.LSTM(bidirectional=True,
 * batch_first=True)}): input {@code [batch, time, features]}, output {@code [batch, time, 2 * hidden]},
 * the forward direction in the first {@code hidden} channels, dropout between layers (not after the
 * last).
 *
 * <p>Each layer is two unidirectional DJL LSTMs, the second run over the time-reversed input with its
 * output reversed back. DJL 0.35.1's own bidirectional LSTM is broken on PyTorch when biases are on
 * and on MXNet when they are off; two unidirectional LSTMs work on both.
 *
 * <p>Only the first layer's forward direction is causal: every later layer reads the backward
 * direction of the layer below, which has seen the whole window.
 */
public final class BiLstm extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final float dropout;
    private final List<LSTM> forward = new ArrayList<>();
    private final List<LSTM> backward = new ArrayList<>();

    public BiLstm(int hidden, int layers, float dropout) {
        super(VERSION);
        if (hidden <= 0 || layers <= 0) {
            throw new IllegalArgumentException("BiLSTM needs hidden > 0 and layers > 0, got hidden " + hidden
                    + ", layers " + layers);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.hidden = hidden;
        this.dropout = dropout;
        for (int layer = 0; layer < layers; layer++) {
            forward.add(addChildBlock("forward" + layer, lstm(hidden)));
            backward.add(addChildBlock("backward" + layer, lstm(hidden)));
        }
    }

    private static LSTM lstm(int hidden) {
        return LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optHasBiases(true)
                .optReturnState(false).build();
    }

    public int hidden() {
        return hidden;
    }

    public int layers() {
        return forward.size();
    }

    /** Per layer, the unidirectional LSTM that reads the layer input in time order. */
    public List<LSTM> forwardLstms() {
        return Collections.unmodifiableList(forward);
    }

    /** Per layer, the unidirectional LSTM that reads the layer input in reversed time order. */
    public List<LSTM> backwardLstms() {
        return Collections.unmodifiableList(backward);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().dimension() != 3) {
            throw new IllegalArgumentException("BiLSTM expects [batch, time, features], got " + x.getShape());
        }
        for (int layer = 0; layer < forward.size(); layer++) {
            if (layer > 0 && dropout > 0f) {
                x = Dropout.dropout(x, dropout, training).head();
            }
            NDArray ahead = forward.get(layer).forward(parameterStore, new NDList(x), training).head();
            NDArray behind = backward.get(layer).forward(parameterStore, new NDList(x.flip(1)), training).head()
                    .flip(1);
            x = ahead.concat(behind, 2);
        }
        return new NDList(x);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException("BiLSTM expects [batch, time, features], got " + shape);
        }
        for (int layer = 0; layer < forward.size(); layer++) {
            forward.get(layer).initialize(manager, dataType, shape);
            backward.get(layer).initialize(manager, dataType, shape);
            shape = new Shape(shape.get(0), shape.get(1), 2L * hidden);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), 2L * hidden)};
    }
}
