package org.trellis.ml.model;

/** No model where one was expected; the message names the command that trains one. */
public final class ModelNotFoundException extends ModelException {
    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String message) {
        super(message);
    }
}
