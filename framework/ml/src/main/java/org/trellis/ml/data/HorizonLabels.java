package org.trellis.ml.data;

/**
 * Up/down labels over a horizon: the label of bar {@code t} is 1 when the close {@code horizon} bars
 * later is above the close of {@code t}, else 0. A window that ends at bar {@code t} (its last row is
 * {@code t}) carries the label of {@code t}: the move that follows the window, which a decision at
 * {@code t}'s close can trade. The last {@code horizon} bars have no label ({@link #UNKNOWN}).
 */
public final class HorizonLabels {
    public static final byte UNKNOWN = -1;

    private HorizonLabels() {
    }

    public static byte[] upDown(double[] closes, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("label horizon must be >= 1 bar, got " + horizon);
        }
        byte[] labels = new byte[closes.length];
        for (int t = 0; t < closes.length; t++) {
            labels[t] = t + horizon < closes.length ? (byte) (closes[t + horizon] > closes[t] ? 1 : 0) : UNKNOWN;
        }
        return labels;
    }
}
