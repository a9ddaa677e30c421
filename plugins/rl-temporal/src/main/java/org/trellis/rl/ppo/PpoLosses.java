package org.trellis.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * PPO's loss terms and diagnostics over a minibatch, as DJL arrays (differentiable where they are
 * losses). Each takes per-step float32 arrays of shape [m] unless said otherwise; scalars are passed
 * to the engine as floats (a double would promote the result to float64 on PyTorch).
 */
public final class PpoLosses {
    private PpoLosses() {
    }

    /** log pi(a|s) of the taken actions: {@code logProbs} [m, actions] masked by the one-hot {@code actions} [m, actions]. */
    public static NDArray taken(NDArray logProbs, NDArray oneHotActions) {
        return logProbs.mul(oneHotActions).sum(new int[] {1});
    }

    /**
     * The clipped surrogate, as a loss to minimise: -mean(min(ratio * A, clip(ratio, 1 - c, 1 + c) * A)).
     * Outside the clip range, in the direction the advantage favours, the gradient is zero.
     */
    public static NDArray clippedSurrogate(NDArray ratio, NDArray advantages, double clip) {
        NDArray unclipped = ratio.mul(advantages);
        NDArray clipped = ratio.clip((float) (1 - clip), (float) (1 + clip)).mul(advantages);
        return unclipped.minimum(clipped).mean().neg();
    }

    /**
     * The clipped value loss: coef * mean(max((R - V)^2, (R - Vclipped)^2)) with Vclipped = Vold +
     * clip(V - Vold, -c, c), so the critic gains nothing from moving further than c from its old value.
     */
    public static NDArray clippedValueLoss(NDArray values, NDArray oldValues, NDArray returns, double clip, double coef) {
        NDArray clipped = oldValues.add(values.sub(oldValues).clip((float) -clip, (float) clip));
        NDArray unclippedError = returns.sub(values).square();
        NDArray clippedError = returns.sub(clipped).square();
        return unclippedError.maximum(clippedError).mean().mul((float) coef);
    }

    /** Mean entropy -sum(p log p) of the distributions whose log-probabilities are the rows of {@code logProbs} [m, actions]. */
    public static NDArray entropy(NDArray logProbs) {
        return logProbs.exp().mul(logProbs).sum(new int[] {1}).mean().neg();
    }

    /**
     * Approximate KL(old || new) from log(new / old) per step: mean((r - 1) - log r), the
     * non-negative, low-variance estimator (Schulman, "Approximating KL divergence", 2020).
     */
    public static NDArray approxKl(NDArray logRatio) {
        return logRatio.exp().sub(1f).sub(logRatio).mean();
    }

    /** The fraction of steps whose ratio lies outside [1 - clip, 1 + clip]. */
    public static NDArray clipFraction(NDArray ratio, double clip) {
        return ratio.sub(1f).abs().gt((float) clip).toType(DataType.FLOAT32, false).mean();
    }
}
