package org.trellis.rl.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trellis.ml.engine.Engines;
import org.trellis.rl.io.Tensor;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;

/**
 * The actor and the critic as DJL blocks on one engine (PyTorch or MXNet), each with its own temporal
 * encoder: what PPO trains. Their parameters are addressed by the upstream tensor names, so weights
 * move in and out as {@link AgentWeights}. Arrays come from this object's own manager, never the
 * engine's default one.
 */
public final class AgentNetworks implements AutoCloseable {
    private final AgentSizes sizes;
    private final String engine;
    private final NDManager manager;
    private final AgentTower actor;
    private final AgentTower critic;
    private final Map<String, Parameter> named = new LinkedHashMap<>();

    private AgentNetworks(AgentSizes sizes, String engine) {
        this.sizes = sizes;
        this.engine = Engines.canonicalName(engine);
        Engine djl = Engines.get(this.engine);
        this.manager = djl.newBaseManager();
        this.actor = new AgentTower(sizes, sizes.actorHidden(), sizes.actions());
        this.critic = new AgentTower(sizes, sizes.criticHidden(), 1);
        Shape input = new Shape(1, sizes.historyValues());
        actor.initialize(manager, DataType.FLOAT32, input);
        critic.initialize(manager, DataType.FLOAT32, input);
        actor.name(named, "actor");
        critic.name(named, "critic");
    }

    /** Networks of {@code sizes} on {@code engine}, with DJL's initial weights. */
    public static AgentNetworks create(AgentSizes sizes, String engine) {
        return new AgentNetworks(sizes, engine);
    }

    /** Networks on {@code engine} holding {@code weights}. */
    public static AgentNetworks of(AgentWeights weights, String engine) {
        AgentNetworks networks = new AgentNetworks(weights.sizes(), engine);
        try {
            networks.load(weights);
        } catch (RuntimeException e) {
            networks.close();
            throw e;
        }
        return networks;
    }

    /** Copies {@code weights} into the blocks' parameters. */
    public void load(AgentWeights weights) {
        if (!weights.sizes().equals(sizes)) {
            throw new IllegalArgumentException("weights of an agent " + weights.sizes() + " do not fit networks of " + sizes);
        }
        for (Map.Entry<String, Parameter> p : named.entrySet()) {
            NDArray array = p.getValue().getArray();
            long[] expected = Arrays.stream(sizes.tensorShapes().get(p.getKey())).asLongStream().toArray();
            if (!array.getShape().equals(new Shape(expected))) {
                // the block and AgentSizes disagree: a bug in this plugin, not in the weights
                throw new IllegalStateException(p.getKey() + " is " + array.getShape() + " in the block but "
                        + Arrays.toString(expected) + " in AgentSizes");
            }
            array.set(FloatBuffer.wrap(weights.values(p.getKey())));
        }
    }

    /** The blocks' current parameters under the upstream names. */
    public AgentWeights weights() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : named.entrySet()) {
            NDArray array = p.getValue().getArray();
            int[] shape = Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            tensors.put(p.getKey(), new Tensor(p.getKey(), shape, array.toFloatArray()));
        }
        return AgentWeights.of(sizes, tensors, engine + " networks");
    }

    public AgentSizes sizes() {
        return sizes;
    }

    public String engine() {
        return engine;
    }

    public AgentTower actor() {
        return actor;
    }

    public AgentTower critic() {
        return critic;
    }

    public NDManager manager() {
        return manager;
    }

    /**
     * Action probabilities and values for {@code count} histories laid out one after another in
     * {@code histories} (each history * features values, oldest tick first), in inference mode.
     */
    public AgentOutputs forward(float[] histories, int count) {
        int width = sizes.historyValues();
        if (count < 1 || histories.length < count * width) {
            throw new IllegalArgumentException(count + " histories need " + count * width + " values, got " + histories.length);
        }
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(FloatBuffer.wrap(histories, 0, count * width), new Shape(count, width));
            ParameterStore parameters = new ParameterStore(call, false);
            NDArray logits = actor.forward(parameters, new NDList(x), false).singletonOrThrow();
            NDArray value = critic.forward(parameters, new NDList(x), false).singletonOrThrow();
            return new AgentOutputs(logits.softmax(1).toFloatArray(), value.toFloatArray());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
