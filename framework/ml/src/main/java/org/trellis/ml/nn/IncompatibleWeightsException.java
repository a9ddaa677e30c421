package org.trellis.ml.nn;

import ai.djl.MalformedModelException;

/**
 * Weights that do not fit the block they are loaded into: another architecture, other sizes, a
 * truncated or foreign file. A subclass of DJL's {@link MalformedModelException}, so a caller that
 * already catches DJL's own loading failure catches this one too.
 */
public class IncompatibleWeightsException extends MalformedModelException {
    private static final long serialVersionUID = 1L;

    public IncompatibleWeightsException(String message) {
        super(message);
    }

    public IncompatibleWeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
