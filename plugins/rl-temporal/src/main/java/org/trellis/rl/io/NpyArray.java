package org.trellis.rl.io;

import java.util.Arrays;

/**
 * A numeric array read from a .npy file: its dtype as numpy writes it (e.g. {@code <f8}), its shape
 * and its values widened to double (64-bit integers only when exact, see {@link NpyReader}).
 */
public record NpyArray(String name, String dtype, int[] shape, double[] values) {
    public NpyArray {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The single value of a 0-d (or one-element) array.
     *
     * @throws IllegalArgumentException naming the array when it holds more or fewer values
     */
    public double scalar() {
        if (values.length != 1) {
            throw new IllegalArgumentException("'" + name + "' holds " + values.length + " values (shape " + Arrays.toString(shape)
                    + "), not one");
        }
        return values[0];
    }
}
