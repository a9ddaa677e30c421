package org.trellis.rl.infer;

/**
 * LayerNorm (population variance, affine) followed by tanh, in place: the normalisation every hidden
 * layer of the agent applies. Mean and variance are summed in double, so the float32 result matches a
 * float64 reference to float rounding.
 */
final class LayerNormTanh {
    private final float[] gamma;
    private final float[] beta;
    private final float epsilon;

    LayerNormTanh(float[] gamma, float[] beta, float epsilon) {
        if (gamma.length != beta.length) {
            throw new IllegalArgumentException("LayerNorm scale has " + gamma.length + " values but shift " + beta.length);
        }
        this.gamma = gamma.clone();
        this.beta = beta.clone();
        this.epsilon = epsilon;
    }

    void apply(float[] y) {
        int n = gamma.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += y[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - mean;
            squares += d * d;
        }
        double inverseStd = 1 / Math.sqrt(squares / n + epsilon);
        for (int i = 0; i < n; i++) {
            y[i] = (float) tanh((y[i] - mean) * inverseStd * gamma[i] + beta[i]);
        }
    }

    /**
     * tanh through the JIT-intrinsic {@code Math.exp}: on Java 17 {@code Math.tanh} is a native call
     * several times slower, and a decision takes hundreds of them. In double the cancellation near 0
     * costs ~1e-16, far below float rounding; exp overflowing to infinity gives exactly 1.
     */
    static double tanh(double x) {
        return 1 - 2 / (Math.exp(2 * x) + 1);
    }
}
