package org.trellis.api.risk;

/** Lets a guard demand, during its bar check, that the current position be closed now. */
public final class ForceClose {
    private boolean requested;
    private String reason = "";

    public ForceClose reset() {
        requested = false;
        reason = "";
        return this;
    }

    public void close(String reasonCode) {
        if (!requested) {
            requested = true;
            reason = reasonCode;
        }
    }

    public boolean requested() {
        return requested;
    }

    public String reason() {
        return reason;
    }
}
