package org.trellis.api.execution;

/** Receives fills from an {@link Executor}; the engine books them into the portfolio and journal. */
@FunctionalInterface
public interface FillListener {
    void onFill(Fill fill);
}
