package org.trellis.deeplearning.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.trellis.ml.nn.CausalMask;
import org.trellis.ml.nn.SinusoidalPositionalEncoding;
import org.trellis.ml.nn.TransformerEncoderLayer;

/**
 * Causal Transformer classifier of the spec: linear projection to {@code dModel} -> sinusoidal
 * positional encoding -> encoder layers under the causal mask -> last token -> dropout -> linear ->
 * 1 logit.
 *
 * <p>The mask keeps every position from reading later bars of the window, as the spec requires:
 * the representation of each bar is built from that bar and the ones before it. The last token,
 * which alone feeds the output, reads the whole window, which ends at the decision bar.
 */
public final class CausalTransformerClassifier extends SequenceClassifier {
    private static final byte VERSION = 1;

    private final TransformerConfig config;
    private final Linear projection;
    private final SinusoidalPositionalEncoding position;
    private final CausalMask mask;
    private final List<TransformerEncoderLayer> encoder = new ArrayList<>();
    private final Linear head;

    public CausalTransformerClassifier(TransformerConfig config, int features, int window) {
        super(VERSION, features, window);
        this.config = config;
        projection = addChildBlock("projection", Linear.builder().setUnits(config.dModel()).build());
        position = addChildBlock("position", new SinusoidalPositionalEncoding());
        mask = addChildBlock("mask", new CausalMask());
        for (int layer = 0; layer < config.layers(); layer++) {
            encoder.add(addChildBlock("encoder" + layer, new TransformerEncoderLayer(config.dModel(), config.heads(),
                    config.feedForward(), config.dropout())));
        }
        head = addChildBlock("head", Linear.builder().setUnits(1).build());
    }

    @Override
    public TransformerConfig config() {
        return config;
    }

    @Override
    protected NDArray logits(ParameterStore parameterStore, NDArray x, boolean training,
            PairList<String, Object> params) {
        NDList hidden = projection.forward(parameterStore, new NDList(x), training, params);
        hidden = position.forward(parameterStore, hidden, training, params);
        hidden = mask.forward(parameterStore, hidden, training, params);
        for (TransformerEncoderLayer layer : encoder) {
            hidden = layer.forward(parameterStore, hidden, training, params);
        }
        NDArray last = lastStep(hidden.get(0));
        if (config.dropout() > 0f) {
            last = Dropout.dropout(last, config.dropout(), training).head();
        }
        return head.forward(parameterStore, new NDList(last), training, params).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        projection.initialize(manager, dataType, x);
        Shape projected = new Shape(x.get(0), x.get(1), config.dModel());
        position.initialize(manager, dataType, projected);
        mask.initialize(manager, dataType, projected);
        for (TransformerEncoderLayer layer : encoder) {
            layer.initialize(manager, dataType, projected, new Shape(x.get(1), x.get(1)));
        }
        head.initialize(manager, dataType, new Shape(x.get(0), config.dModel()));
    }
}
