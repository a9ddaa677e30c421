package org.trellis.ml.spi;

import java.util.Arrays;

/**
 * One model input: numbers in row-major order and their shape (e.g. [features], or [time, features]
 * for a sequence).
 */
public record Sample(float[] values, int[] shape) {
    public Sample {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
    }

    public boolean sameShape(Sample other) {
        return Arrays.equals(shape, other.shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && Arrays.equals(values, s.values) && Arrays.equals(shape, s.shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Sample" + Arrays.toString(shape);
    }
}
