package org.trellis.ml.model;

/** A model that cannot be used as asked: missing, tampered, mismatched or unreadable. The message says what to do. */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
