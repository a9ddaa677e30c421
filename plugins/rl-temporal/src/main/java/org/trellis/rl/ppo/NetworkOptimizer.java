package org.trellis.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;

/**
 * One network's optimizer: after a backward pass, scales its gradients together to a global L2 norm
 * of at most {@code maxGradNorm} (PyTorch's clip_grad_norm_), applies Adam, and zeroes the gradients.
 * Actor and critic each have one, so each has its own learning rate, Adam moments and norm bound.
 */
final class NetworkOptimizer {
    private final String name;
    private final List<Parameter> parameters;
    private final Optimizer adam;
    private final double maxGradNorm;
    private final NDManager manager;

    NetworkOptimizer(String name, Block block, NDManager manager, double learningRate, double maxGradNorm) {
        this.name = name;
        this.parameters = List.copyOf(block.getParameters().values());
        this.manager = manager;
        this.maxGradNorm = maxGradNorm;
        // PyTorch's Adam defaults (betas 0.9 / 0.999, eps 1e-8, no weight decay), a fixed rate
        this.adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).optWeightDecays(0f).build();
        for (Parameter p : parameters) {
            p.getArray().setRequiresGradient(true);
        }
    }

    /**
     * Clips, updates and zeroes; returns the gradients' global norm before clipping.
     *
     * @throws IllegalStateException when the norm is not finite: the weights are left as they were
     */
    double step() {
        // getGradient() wraps a new native handle on the parameter's (long-lived) manager: everything
        // made here is attached to a scope closed after the step, so nothing accumulates over updates
        try (NDManager scope = manager.newSubManager()) {
            List<NDArray> gradients = new ArrayList<>(parameters.size());
            for (Parameter p : parameters) {
                NDArray gradient = p.getArray().getGradient();
                gradient.attach(scope);
                gradients.add(gradient);
            }
            double norm = globalNorm(gradients);
            if (!Double.isFinite(norm)) {
                throw new IllegalStateException("the " + name + "'s gradient norm is " + norm
                        + ": the update diverged (try lower learning rates); its weights were not changed by this step");
            }
            if (norm > maxGradNorm) {
                float scale = (float) (maxGradNorm / (norm + 1e-6));
                gradients.forEach(g -> g.muli(scale));
            }
            for (int i = 0; i < parameters.size(); i++) {
                adam.update(parameters.get(i).getId(), parameters.get(i).getArray(), gradients.get(i));
            }
            // PyTorch accumulates gradients over backward passes; MXNet overwrites them: zero for both
            gradients.forEach(g -> g.subi(g));
            return norm;
        }
    }

    /** sqrt(sum of squares) of all gradients, read back from the engine once. */
    private static double globalNorm(List<NDArray> gradients) {
        NDArray sum = null;
        for (NDArray g : gradients) {
            NDArray squares = g.square().sum();
            sum = sum == null ? squares : sum.add(squares);
        }
        return sum == null ? 0 : Math.sqrt(sum.getFloat());
    }
}
