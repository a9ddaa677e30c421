package org.trellis.runtime.dsl;

/** A strategy script that cannot compile, build or run; the message starts with {@code file:line[:column]}. */
public final class ScriptException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
