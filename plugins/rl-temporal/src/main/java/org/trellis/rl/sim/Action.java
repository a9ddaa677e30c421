package org.trellis.rl.sim;

/** What an agent does on one market in one tick, in the networks' output order (index 0, 1, 2). */
public enum Action {
    HOLD, BUY, SELL;

    private static final Action[] BY_INDEX = values();

    /** The action of a network output index (0 HOLD, 1 BUY, 2 SELL). */
    public static Action ofIndex(int index) {
        if (index < 0 || index >= BY_INDEX.length) {
            throw new IllegalArgumentException("action index must be 0 (HOLD), 1 (BUY) or 2 (SELL), got " + index);
        }
        return BY_INDEX[index];
    }
}
