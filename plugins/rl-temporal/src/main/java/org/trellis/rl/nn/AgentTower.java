package org.trellis.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import org.trellis.rl.model.AgentSizes;

/**
 * The actor or the critic as a DJL block: its own temporal encoder (history -> 64 -> LN -> tanh -> 32
 * -> LN -> tanh), then [current state ++ encoding] -> hidden -> LN -> tanh -> hidden -> LN -> tanh ->
 * outputs (raw: logits for the actor, the value for the critic). Input [batch, history * features],
 * oldest tick first: its last {@code features} columns are the current state.
 */
public final class AgentTower extends AbstractBlock {
    private static final byte VERSION = 1;
    private final AgentSizes sizes;
    private final int outputs;
    private final NormalizedLayer encoder1;
    private final NormalizedLayer encoder2;
    private final NormalizedLayer hidden1;
    private final NormalizedLayer hidden2;
    private final Linear output;

    AgentTower(AgentSizes sizes, int hidden, int outputs) {
        super(VERSION);
        this.sizes = sizes;
        this.outputs = outputs;
        this.encoder1 = addChildBlock("encoder1", new NormalizedLayer(sizes.encoderHidden()));
        this.encoder2 = addChildBlock("encoder2", new NormalizedLayer(sizes.temporal()));
        this.hidden1 = addChildBlock("hidden1", new NormalizedLayer(hidden));
        this.hidden2 = addChildBlock("hidden2", new NormalizedLayer(hidden));
        this.output = addChildBlock("output", Linear.builder().setUnits(outputs).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray history = inputs.singletonOrThrow();
        NDList encoded = encoder2.forward(parameters, encoder1.forward(parameters, inputs, training), training);
        NDArray current = history.get(new NDIndex(":, {}:", sizes.historyValues() - sizes.features()));
        NDList head = new NDList(NDArrays.concat(new NDList(current, encoded.singletonOrThrow()), 1));
        NDList h = hidden2.forward(parameters, hidden1.forward(parameters, head, training), training);
        return output.forward(parameters, h, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), outputs)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        long batch = inputs[0].get(0);
        encoder1.initialize(manager, dataType, inputs);
        encoder2.initialize(manager, dataType, new Shape(batch, sizes.encoderHidden()));
        hidden1.initialize(manager, dataType, new Shape(batch, sizes.headInputs()));
        Shape hidden = hidden1.getOutputShapes(new Shape[] {new Shape(batch, sizes.headInputs())})[0];
        hidden2.initialize(manager, dataType, hidden);
        output.initialize(manager, dataType, hidden);
    }

    /** Its parameters by upstream name, e.g. {@code actor.temporal_encoder.fc1.weight}. */
    void name(Map<String, Parameter> named, String prefix) {
        encoder1.name(named, prefix + ".temporal_encoder.fc1", prefix + ".temporal_encoder.ln1");
        encoder2.name(named, prefix + ".temporal_encoder.fc2", prefix + ".temporal_encoder.ln2");
        hidden1.name(named, prefix + ".fc1", prefix + ".ln1");
        hidden2.name(named, prefix + ".fc2", prefix + ".ln2");
        named.put(prefix + ".fc3.weight", output.getParameters().get("weight"));
        named.put(prefix + ".fc3.bias", output.getParameters().get("bias"));
    }
}
