package org.trellis.rl.infer;

/** y = W x + b in float32, with W stored [out, in] row-major as PyTorch and safetensors store it. */
final class DenseLayer {
    private final float[] weight;
    private final float[] bias;
    private final int in;
    private final int out;

    DenseLayer(float[] weight, float[] bias) {
        if (bias.length == 0 || weight.length % bias.length != 0) {
            throw new IllegalArgumentException(weight.length + " weights do not form rows of " + bias.length + " outputs");
        }
        this.weight = weight.clone();
        this.bias = bias.clone();
        this.out = bias.length;
        this.in = weight.length / out;
    }

    int inputs() {
        return in;
    }

    int outputs() {
        return out;
    }

    /** Writes W x + b to {@code y[0, out)}, reading {@code x[xFrom, xFrom + in)}. */
    void apply(float[] x, int xFrom, float[] y) {
        for (int o = 0; o < out; o++) {
            int row = o * in;
            // four independent sums: one accumulator makes every multiply-add wait for the previous one
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            for (; i + 3 < in; i += 4) {
                s0 += weight[row + i] * x[xFrom + i];
                s1 += weight[row + i + 1] * x[xFrom + i + 1];
                s2 += weight[row + i + 2] * x[xFrom + i + 2];
                s3 += weight[row + i + 3] * x[xFrom + i + 3];
            }
            for (; i < in; i++) {
                s0 += weight[row + i] * x[xFrom + i];
            }
            y[o] = bias[o] + ((s0 + s1) + (s2 + s3));
        }
    }
}
