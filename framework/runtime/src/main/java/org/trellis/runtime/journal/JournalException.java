package org.trellis.runtime.journal;

/** The journal cannot be opened, migrated, written or read; the message names the file. */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
