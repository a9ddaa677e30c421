package org.trellis.rl.sim;

/** The shared 15-minute market windows: every asset's market starts at floor(unix / 900) * 900. */
public final class MarketWindow {
    public static final int SECONDS = 900;

    private MarketWindow() {
    }

    /** The start of the window holding this epoch second. */
    public static long startOf(long second) {
        return Math.floorDiv(second, SECONDS) * SECONDS;
    }

    /** The first window boundary at or after this epoch second. */
    public static long boundaryAtOrAfter(long second) {
        return -Math.floorDiv(-second, SECONDS) * SECONDS;
    }
}
