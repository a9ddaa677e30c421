package org.trellis.ml.spi;

import java.util.Map;

/**
 * A training run's session in the host's journal ({@link TrainingContext#journal}): one row per model
 * update with its metrics, and the session's end status. Journaling never stops training: a host that
 * cannot write says so on stderr and journals nothing more. Not thread-safe: the training thread alone
 * calls it.
 */
public interface TrainingJournal {
    /** A journal that records nothing: no journal configured, {@code --no-journal}, or a host without one. */
    TrainingJournal NONE = new TrainingJournal() {
        @Override
        public void update(long step, Map<String, Double> metrics) {
        }

        @Override
        public void end(String status) {
        }
    };

    /**
     * Records update {@code step} (1-based) with its metrics (name -> value, in display order; a
     * non-finite value is recorded as null) and makes it durable.
     */
    void update(long step, Map<String, Double> metrics);

    /**
     * Ends the session with {@code status} (e.g. {@code finished}, {@code data-ended}, {@code stopped},
     * {@code failed}) and releases the journal; later calls do nothing.
     */
    void end(String status);
}
