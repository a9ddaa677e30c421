package org.trellis.ml.model;

import java.time.Instant;
import org.trellis.ml.spi.BarClassifier;

/**
 * The parts of a {@link BarClassifier} that a saved model folder answers from its metadata: what it
 * is, what it was trained on and the last bar whose label training saw. Model formats extend it with
 * how the model scores bars and which strategy trades it.
 */
public abstract class SavedModelClassifier implements BarClassifier {
    private final String description;
    private final ModelMetadata metadata;
    private final AutoCloseable model;

    /** {@code model} is closed with the classifier (it holds the engine's native memory). */
    protected SavedModelClassifier(String description, ModelMetadata metadata, AutoCloseable model) {
        this.description = description;
        this.metadata = metadata;
        this.model = model;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String trainedOn() {
        return metadata.data() == null ? null : metadata.data().source();
    }

    @Override
    public long lastSeenMillis() {
        var data = metadata.data();
        return data == null || data.validationEnd() == null ? Long.MIN_VALUE : Instant.parse(data.validationEnd()).toEpochMilli();
    }

    @Override
    public void close() {
        try {
            model.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close " + description + ": " + e.getMessage(), e);
        }
    }
}
