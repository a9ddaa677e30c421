package org.trellis.rl.state;

import java.util.Arrays;
import org.trellis.rl.model.AgentSizes;

/**
 * The last {@code history} state vectors of one market, flattened oldest first with the current state
 * last and zeros in front while fewer exist: the temporal encoder's input. Cleared when the market rolls
 * over. The flat array is rewritten in place on every push, so reading it allocates nothing.
 */
public final class FeatureHistory {
    private final int features;
    private final float[] flat;
    private int size;

    public FeatureHistory(AgentSizes sizes) {
        this.features = sizes.features();
        this.flat = new float[sizes.historyValues()];
    }

    public void push(float[] state) {
        if (state.length != features) {
            throw new IllegalArgumentException("a state has " + features + " features, got " + state.length);
        }
        System.arraycopy(flat, features, flat, 0, flat.length - features);
        System.arraycopy(state, 0, flat, flat.length - features, features);
        size = Math.min(size + 1, flat.length / features);
    }

    public void clear() {
        Arrays.fill(flat, 0);
        size = 0;
    }

    /** States held (at most the history length). */
    public int size() {
        return size;
    }

    /** The flattened history, oldest first; a live view, do not modify. */
    public float[] flat() {
        return flat;
    }
}
