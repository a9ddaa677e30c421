package org.trellis.rl.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.trellis.rl.model.AgentSizes;

/** Linear -> LayerNorm (eps 1e-5, population variance, affine) -> tanh over [batch, inputs]: the agent's hidden layer. */
final class NormalizedLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int units;
    private final Linear linear;
    private final LayerNorm norm;

    NormalizedLayer(int units) {
        super(VERSION);
        this.units = units;
        this.linear = addChildBlock("linear", Linear.builder().setUnits(units).build());
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(1).optEpsilon(AgentSizes.LAYER_NORM_EPSILON).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList z = linear.forward(parameters, inputs, training);
        return new NDList(norm.forward(parameters, z, training).singletonOrThrow().tanh());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), units)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        linear.initialize(manager, dataType, inputs);
        norm.initialize(manager, dataType, getOutputShapes(inputs));
    }

    /** Its parameters under the upstream names {@code <linearName>.weight|bias} and {@code <normName>.weight|bias}. */
    void name(Map<String, Parameter> named, String linearName, String normName) {
        named.put(linearName + ".weight", linear.getParameters().get("weight"));
        named.put(linearName + ".bias", linear.getParameters().get("bias"));
        named.put(normName + ".weight", norm.getParameters().get("gamma"));
        named.put(normName + ".bias", norm.getParameters().get("beta"));
    }
}
