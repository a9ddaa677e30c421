package org.trellis.api.risk;

/**
 * Lets a guard demand, during its bar check, that a position be closed now: the current
 * instrument's, or another's (e.g. one whose feed went silent and so has no bars to check on).
 */
public final class ForceClose {
    private boolean requested;
    private String reason = "";
    private String instrument;

    public ForceClose reset() {
        requested = false;
        reason = "";
        instrument = null;
        return this;
    }

    /** Close the position of the instrument whose bar this is. */
    public void close(String reasonCode) {
        if (!requested) {
            requested = true;
            reason = reasonCode;
        }
    }

    /** Close the position in the instrument with this symbol (one request per bar check; the first wins). */
    public void close(String symbol, String reasonCode) {
        if (!requested) {
            requested = true;
            reason = reasonCode;
            instrument = symbol;
        }
    }

    /** The symbol named by {@link #close(String, String)}, or null for the current instrument. */
    public String instrument() {
        return instrument;
    }

    public boolean requested() {
        return requested;
    }

    public String reason() {
        return reason;
    }
}
