package org.trellis.ml.nn;

import ai.djl.ndarray.NDArray;

/** The last time step of a sequence, what a causal model decides on. */
public final class LastStep {
    private LastStep() {
    }

    /**
     * {@code [batch, width]} from {@code [batch, time, width]}, by its explicit index. With the
     * negative index ({@code ":, -1, :"}) training on PyTorch now and then produced NaN gradients for
     * every parameter below the slice from a finite loss, differently from run to run (unwritten
     * memory); with the explicit index repeated full runs are identical and clean.
     */
    public static NDArray of(NDArray sequence) {
        long time = sequence.getShape().get(1);
        return sequence.get(":, " + (time - 1) + ", :");
    }
}
