package org.trellis.runtime.plugin;

/** A part name that no loaded plugin provides; the message lists what exists. */
public final class UnknownPartException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownPartException(String message) {
        super(message);
    }
}
