package org.trellis.rl.io;

import java.util.Arrays;

/** A named float32 tensor: its shape and values in row-major order. */
public record Tensor(String name, int[] shape, float[] values) {
    public Tensor {
        shape = shape.clone();
        if (elements(shape) != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': " + values.length + " values do not fill shape "
                    + Arrays.toString(shape));
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Elements of a tensor of {@code shape}; -1 when a dimension is negative or the count overflows an int. */
    static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                return -1;
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return n;
    }

    /** Same name, shape and bit-identical values (NaN payloads and signed zeros included). */
    public boolean sameBits(Tensor other) {
        if (!name.equals(other.name) || !Arrays.equals(shape, other.shape) || values.length != other.values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (Float.floatToRawIntBits(values[i]) != Float.floatToRawIntBits(other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && sameBits(t);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
