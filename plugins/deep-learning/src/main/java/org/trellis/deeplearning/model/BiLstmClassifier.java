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
import org.trellis.ml.nn.BiLstm;

/**
 * BiLSTM classifier of the spec: BiLSTM (dropout between layers) -> last time step ({@code 2 * hidden}
 * wide) -> dropout -> linear -> 1 logit.
 */
public final class BiLstmClassifier extends SequenceClassifier {
    private static final byte VERSION = 1;

    private final LstmConfig config;
    private final BiLstm lstm;
    private final Linear head;

    public BiLstmClassifier(LstmConfig config, int features, int window) {
        super(VERSION, features, window);
        this.config = config;
        lstm = addChildBlock("bilstm", new BiLstm(config.hidden(), config.layers(), config.dropout()));
        head = addChildBlock("head", Linear.builder().setUnits(1).build());
    }

    @Override
    public LstmConfig config() {
        return config;
    }

    public BiLstm lstm() {
        return lstm;
    }

    public Linear head() {
        return head;
    }

    @Override
    protected NDArray logits(ParameterStore parameterStore, NDArray x, boolean training,
            PairList<String, Object> params) {
        NDArray last = lastStep(lstm.forward(parameterStore, new NDList(x), training, params).head());
        if (config.dropout() > 0f) {
            last = Dropout.dropout(last, config.dropout(), training).head();
        }
        return head.forward(parameterStore, new NDList(last), training, params).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        lstm.initialize(manager, dataType, x);
        head.initialize(manager, dataType, new Shape(x.get(0), 2L * config.hidden()));
    }
}
