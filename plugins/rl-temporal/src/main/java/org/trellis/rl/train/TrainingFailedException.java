package org.trellis.rl.train;

/** Training stopped on an unexpected error; the message says where the emergency checkpoint is (or why there is none). */
public final class TrainingFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TrainingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
