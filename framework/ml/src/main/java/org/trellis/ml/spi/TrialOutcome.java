package org.trellis.ml.spi;

import java.io.Serializable;

/**
 * What one trial produced: the text its trainer's {@link ModelTrainer#trial} returned, or the error
 * that stopped it (then {@code result} is null). A failed trial does not stop the others.
 */
public record TrialOutcome(int number, String result, String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean failed() {
        return error != null;
    }

    /** Runs {@code trial}, turning a failure into the outcome's error (its message, else the exception's name too). */
    public static TrialOutcome of(TrialRequest request, java.util.function.Supplier<String> trial) {
        try {
            return new TrialOutcome(request.number(), trial.get(), null);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return failure(request, e);
        }
    }

    public static TrialOutcome failure(TrialRequest request, Throwable e) {
        String message = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                : e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new TrialOutcome(request.number(), null, message);
    }
}
