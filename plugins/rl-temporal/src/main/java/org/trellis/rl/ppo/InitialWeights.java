package org.trellis.rl.ppo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.trellis.rl.io.Tensor;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;

/**
 * A fresh agent's weights, drawn in Java from a seeded generator, so that a seed gives the same
 * starting network on every engine: PyTorch's default initialisation (what upstream trained from),
 * linear weights and biases uniform in +-1/sqrt(fan_in), LayerNorm scale 1 and shift 0.
 */
public final class InitialWeights {
    private InitialWeights() {
    }

    public static AgentWeights draw(AgentSizes sizes, SplittableRandom random) {
        Map<String, int[]> shapes = sizes.tensorShapes();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            String name = e.getKey();
            int[] shape = e.getValue();
            String layer = name.substring(0, name.lastIndexOf('.'));
            int[] layerWeight = shapes.get(layer + ".weight");
            float[] values = new float[shape[0] * (shape.length == 2 ? shape[1] : 1)];
            if (layerWeight.length == 2) {
                double bound = 1 / Math.sqrt(layerWeight[1]);
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextDouble(-bound, bound);
                }
            } else if (name.endsWith(".weight")) {
                Arrays.fill(values, 1f);
            }
            tensors.put(name, new Tensor(name, shape, values));
        }
        return AgentWeights.of(sizes, tensors, "initial weights");
    }
}
