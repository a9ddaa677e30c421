package org.trellis.api.execution;

/** Why an order exists: guards treat entries and exits differently (exits are never blocked by entry filters). */
public enum OrderPurpose {
    /** Opens or adds to a position. */
    ENTRY,
    /** Reduces or closes a position at the strategy's wish. */
    EXIT,
    /** Closes a position because a guard demanded it. */
    FORCED_EXIT
}
