package org.trellis.runtime.execution;

import java.util.Locale;

/** When a simulated market order fills. */
public enum FillTiming {
    /** At the open of the bar after the signal: what a live bot that acts on closed bars gets. */
    NEXT_OPEN,
    /** At the close of the signal bar: optimistic, for comparison with tools that assume it. */
    SIGNAL_CLOSE;

    public static FillTiming parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "next-open" -> NEXT_OPEN;
            case "signal-close", "close" -> SIGNAL_CLOSE;
            default -> throw new IllegalArgumentException("fill timing must be next-open or signal-close, got '" + text + "'");
        };
    }
}
