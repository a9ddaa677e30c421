package org.trellis.ml.spi;

/** Told how many trials of a search have finished (in any order); called on the thread that asked for the trials. */
@FunctionalInterface
public interface TrialProgress {
    TrialProgress NONE = (done, total) -> { };

    void finished(int done, int total);
}
