package org.trellis.contrastive.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Binary focal loss on logits (Lin et al. 2017), in the form the source system defined: a plain
 * multiplier {@code alpha} (not the class-balancing {@code alpha_t} of torchvision, which with alpha 1
 * would zero every negative) times the modulating factor on binary cross-entropy:
 *
 * <pre>
 * bce = max(x, 0) - x * y + log(1 + exp(-|x|))      (= -log p_t, computed stably from the logit x)
 * p_t = exp(-bce)
 * loss = mean over the batch of alpha * (1 - p_t)^gamma * bce
 * </pre>
 *
 * Spec defaults: alpha 1, gamma 2. With gamma 0 and alpha 1 it is exactly BCE-with-logits.
 *
 * <p>As a DJL {@link Loss}: {@code labels.head()} holds the 0/1 targets and {@code
 * predictions.head()} the logits, both of the same size (e.g. {@code [B]}); it is differentiable and
 * is meant to be used as the training loss (the source defined it and then trained with MSE).
 */
public final class FocalLoss extends Loss {
    public static final float DEFAULT_ALPHA = 1f;
    public static final float DEFAULT_GAMMA = 2f;

    private final float alpha;
    private final float gamma;

    public FocalLoss() {
        this("focal", DEFAULT_ALPHA, DEFAULT_GAMMA);
    }

    public FocalLoss(String name, float alpha, float gamma) {
        super(name);
        if (!(alpha > 0f) || !Float.isFinite(alpha)) {
            throw new IllegalArgumentException("focal alpha must be a finite value > 0, got " + alpha);
        }
        if (!(gamma >= 0f) || !Float.isFinite(gamma)) {
            throw new IllegalArgumentException("focal gamma must be a finite value >= 0, got " + gamma);
        }
        this.alpha = alpha;
        this.gamma = gamma;
    }

    public float alpha() {
        return alpha;
    }

    public float gamma() {
        return gamma;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.head();
        NDArray y = labels.head().toType(logits.getDataType(), false);
        if (y.getShape().size() != logits.getShape().size()) {
            throw new IllegalArgumentException("focal loss expects one label per logit, got labels " + y.getShape()
                    + " and logits " + logits.getShape());
        }
        y = y.reshape(logits.getShape());
        NDArray bce = logits.maximum(0f).sub(logits.mul(y)).add(logits.abs().neg().exp().add(1f).log());
        NDArray modulating = bce.neg().exp().neg().add(1f);
        NDArray weighted = gamma == 0f ? bce : modulating.pow(gamma).mul(bce);
        return weighted.mean().mul(alpha);
    }
}
