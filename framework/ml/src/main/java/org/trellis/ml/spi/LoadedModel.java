package org.trellis.ml.spi;

import java.util.List;

/** A model opened for inference by a {@link ModelFormat}. Close it to free its engine memory. */
public interface LoadedModel extends AutoCloseable {
    /** One line for people: format, architecture, engine. */
    String describe();

    /**
     * Outputs for each sample, in order. A model with one number per sample returns arrays of length
     * one and answers {@code true} to {@link #scalarOutput()}.
     *
     * @throws IllegalArgumentException when a sample does not fit the model, saying what it expects
     */
    List<float[]> predict(List<Sample> samples);

    /** Whether each output is a single number (printed as a number rather than an array). */
    boolean scalarOutput();

    @Override
    void close();
}
