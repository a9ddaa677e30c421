package org.trellis.contrastive.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Supervised contrastive loss (Khosla et al. 2020, "SupCon", the L_out variant) over a batch of
 * L2-normalised embeddings {@code z} of shape {@code [B, D]} and integer class labels of shape
 * {@code [B]}:
 *
 * <pre>
 * loss_i = -1/|P(i)| * sum_{p in P(i)} log( exp(z_i.z_p / T) / sum_{a != i} exp(z_i.z_a / T) )
 * loss   = mean of loss_i over the anchors i with |P(i)| > 0
 * </pre>
 *
 * where {@code P(i)} are the other samples of the batch with the label of {@code i}. Anchors without
 * a positive in the batch are skipped (a batch with no positive at all gives 0). Each row of the
 * similarity matrix has its maximum over {@code a != i} subtracted (outside the gradient) before
 * exponentiation; the shift cancels exactly in the formula, so only overflow and underflow are avoided.
 *
 * <p>As a DJL {@link Loss}: {@code evaluate(labels, predictions)} with {@code labels.head()} the
 * {@code [B]} labels (any numeric type; compared after conversion to float32, exact for integers
 * below 2^24) and {@code predictions.head()} the embeddings. Everything is built from the
 * embeddings' own manager and is differentiable through DJL's autograd on PyTorch and MXNet.
 * The embeddings are not normalised here: {@link TransformerAgent#project} already returns unit
 * vectors.
 */
public final class SupConLoss extends Loss {
    /** The temperature of the paper and of the spec. */
    public static final float DEFAULT_TEMPERATURE = 0.07f;

    private final float temperature;

    public SupConLoss() {
        this("supcon", DEFAULT_TEMPERATURE);
    }

    public SupConLoss(String name, float temperature) {
        super(name);
        if (!(temperature > 0f) || !Float.isFinite(temperature)) {
            throw new IllegalArgumentException("SupCon temperature must be a finite value > 0, got " + temperature);
        }
        this.temperature = temperature;
    }

    public float temperature() {
        return temperature;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return compute(predictions.head(), labels.head(), temperature);
    }

    /**
     * The scalar loss of {@code embeddings} {@code [B, D]} (B >= 2) with {@code labels} {@code [B]}.
     */
    public static NDArray compute(NDArray embeddings, NDArray labels, float temperature) {
        Shape shape = embeddings.getShape();
        if (shape.dimension() != 2 || shape.get(0) < 2) {
            throw new IllegalArgumentException("SupCon expects embeddings [batch >= 2, dim], got " + shape);
        }
        int batch = (int) shape.get(0);
        if (labels.getShape().size() != batch) {
            throw new IllegalArgumentException("SupCon expects one label per embedding (" + batch + "), got labels of shape "
                    + labels.getShape());
        }
        NDManager manager = embeddings.getManager();
        NDArray notSelf = notSelf(manager, batch);
        NDArray y = labels.toType(DataType.FLOAT32, false).reshape(batch);
        NDArray positives = y.reshape(batch, 1).eq(y.reshape(1, batch)).toType(DataType.FLOAT32, false).mul(notSelf);

        // the diagonal (a = i) is pushed to -1e9 before anything else: its exp is exactly 0 and it can
        // neither overflow (z_i.z_i / T is the largest entry) nor be the row maximum
        NDArray similarity = embeddings.matMul(embeddings.transpose()).div(temperature)
                .add(notSelf.sub(1f).mul(1e9f));
        // the max over a != i: the denominator then holds a term exp(0) = 1 and its log is finite even
        // where every other sample is far (the paper subtracts the max including the diagonal, which
        // can leave exp(-large) = 0 in float32 and a log of 0)
        NDArray rowMax = similarity.max(new int[] {1}, true).stopGradient();
        NDArray logits = similarity.sub(rowMax);
        NDArray logDenominator = logits.exp().sum(new int[] {1}, true).log();
        NDArray logProbability = logits.sub(logDenominator);

        NDArray positiveCount = positives.sum(new int[] {1});
        NDArray meanLogProbability = positives.mul(logProbability).sum(new int[] {1})
                .div(positiveCount.maximum(1f));
        NDArray anchors = positiveCount.gt(0f).toType(DataType.FLOAT32, false);
        return meanLogProbability.mul(anchors).sum().neg().div(anchors.sum().maximum(1f));
    }

    /** 1 off the diagonal, 0 on it; built by hand from the given manager (engine-neutral). */
    private static NDArray notSelf(NDManager manager, int batch) {
        float[] values = new float[batch * batch];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i / batch == i % batch) ? 0f : 1f;
        }
        return manager.create(values, new Shape(batch, batch));
    }
}
