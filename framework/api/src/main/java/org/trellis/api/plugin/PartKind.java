package org.trellis.api.plugin;

/** The four kinds of part a plugin can contribute. */
public enum PartKind {
    FEATURE_SET("feature set"),
    STRATEGY("strategy"),
    RISK_GUARD("risk guard"),
    EXECUTOR("executor");

    private final String label;

    PartKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
