package org.trellis.runtime.engine;

/** Told now and then how far a run is; called from the run's thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
