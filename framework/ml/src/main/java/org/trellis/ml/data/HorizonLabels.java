package org.trellis.ml.data;

/**
 * Up/down labels of windows, as the source system defined them: a window that ends at bar {@code t}
 * carries the label of the bar after it, 1 when the close {@code horizon} bars after {@code t + 1}
 * is above the close of {@code t + 1}, else 0 (a tie is "down"). The label starts at the first bar
 * a decision at {@code t}'s close can trade (filled at the next bar) and never touches the window's
 * own bars. The last {@code horizon + 1} bars have no label ({@link #UNKNOWN}).
 */
public final class HorizonLabels {
    public static final byte UNKNOWN = -1;

    private HorizonLabels() {
    }

    /** Label per window end {@code t}; the label looks at bars {@code t + 1 .. t + 1 + horizon}. */
    public static byte[] upDown(double[] closes, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("label horizon must be >= 1 bar, got " + horizon);
        }
        byte[] labels = new byte[closes.length];
        for (int t = 0; t < closes.length; t++) {
            int from = t + 1;
            int to = from + horizon;
            labels[t] = to < closes.length ? (byte) (closes[to] > closes[from] ? 1 : 0) : UNKNOWN;
        }
        return labels;
    }

    /** How many bars after a window's end its label reads: the embargo a split needs. */
    public static int reach(int horizon) {
        return horizon + 1;
    }
}
