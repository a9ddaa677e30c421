package org.trellis.api.plugin;

/** The four kinds of part a plugin can contribute. */
public enum PartKind {
    FEATURE_SET("feature set", "feature sets"),
    STRATEGY("strategy", "strategies"),
    RISK_GUARD("risk guard", "risk guards"),
    EXECUTOR("executor", "executors");

    private final String label;
    private final String plural;

    PartKind(String label, String plural) {
        this.label = label;
        this.plural = plural;
    }

    public String label() {
        return label;
    }

    public String plural() {
        return plural;
    }
}
