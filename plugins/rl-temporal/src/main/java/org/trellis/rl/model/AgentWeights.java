package org.trellis.rl.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.rl.io.Tensor;

/**
 * The complete, checked set of tensors of an agent of given sizes: exactly the names
 * {@link AgentSizes#tensorShapes()} lists, each with its shape, all finite.
 */
public final class AgentWeights {
    private final AgentSizes sizes;
    private final Map<String, Tensor> tensors;

    private AgentWeights(AgentSizes sizes, Map<String, Tensor> tensors) {
        this.sizes = sizes;
        this.tensors = tensors;
    }

    /**
     * Checks {@code tensors} against the architecture of {@code sizes}.
     *
     * @param source the file they came from, named in every error
     * @throws IllegalArgumentException naming the file and the missing, extra, mis-shaped or non-finite tensor
     */
    public static AgentWeights of(AgentSizes sizes, Map<String, Tensor> tensors, String source) {
        Map<String, int[]> expected = sizes.tensorShapes();
        List<String> extra = tensors.keySet().stream().filter(n -> !expected.containsKey(n)).sorted().toList();
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException(source + ": unexpected tensor(s) " + extra + " (the agent has "
                    + expected.size() + " tensors: " + String.join(", ", expected.keySet()) + ")");
        }
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException(source + ": tensor '" + e.getKey() + "' " + Arrays.toString(e.getValue())
                        + " is missing");
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException(source + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(t.shape())
                        + " but the agent " + sizes + " needs " + Arrays.toString(e.getValue()));
            }
            for (float v : t.values()) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(source + ": tensor '" + e.getKey() + "' holds a non-finite value");
                }
            }
            ordered.put(e.getKey(), t);
        }
        return new AgentWeights(sizes, ordered);
    }

    public AgentSizes sizes() {
        return sizes;
    }

    /** The values of a tensor, row-major ([out, in] for linear weights); not copied, do not modify. */
    public float[] values(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the agent has no tensor '" + name + "'");
        }
        return t.values();
    }

    /** All tensors in the architecture's order (actor, then critic). */
    public Collection<Tensor> tensors() {
        return new ArrayList<>(tensors.values());
    }
}
