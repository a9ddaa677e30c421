package org.trellis.api.risk;

/** Where a guard reports health transitions; given to it by {@link RiskGuard#attach} before the run. */
@FunctionalInterface
public interface HealthReporter {
    HealthReporter NONE = event -> { };

    void report(HealthEvent event);
}
