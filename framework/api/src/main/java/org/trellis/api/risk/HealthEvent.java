package org.trellis.api.risk;

/**
 * What a guard says about the health of market data or of the whole system: a transition to
 * degraded, critical or recovered, for the journal, the status page and alerts.
 *
 * @param time when, on the run's clock (epoch ms)
 * @param instrument the instrument's symbol, or null for the whole system
 * @param staleness how old the data was (ms), or -1 when not about staleness
 * @param action what the guard does about it, e.g. "no new entries" or "emergency close"
 */
public record HealthEvent(long time, String instrument, Level level, long staleness, String action, String message) {
    public enum Level { DEGRADED, CRITICAL, RECOVERED }

    public HealthEvent {
        java.util.Objects.requireNonNull(level, "level");
        action = action == null ? "" : action;
        message = message == null ? "" : message;
    }
}
