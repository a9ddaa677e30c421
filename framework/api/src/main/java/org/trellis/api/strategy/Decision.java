package org.trellis.api.strategy;

/**
 * A strategy's answer for one bar. The engine owns one instance per strategy and resets it before
 * each call, so deciding allocates nothing.
 *
 * <ul>
 *   <li>{@link Side#BUY}: be long (open a long, or turn a short into a long);</li>
 *   <li>{@link Side#SELL}: close a long; where the run allows shorts, be short;</li>
 *   <li>{@link Side#HOLD}: keep whatever is open.</li>
 * </ul>
 * {@code probability} is the model's confidence in the side ({@code NaN} for rule strategies);
 * {@code size} is the wanted position as a fraction of the strategy's equity ({@code NaN} = the
 * run's default sizing).
 */
public final class Decision {
    private Side side = Side.HOLD;
    private double probability = Double.NaN;
    private double size = Double.NaN;
    private String reason = "";
    private boolean dirty;

    public Decision reset() {
        // Most bars decide nothing: skip the stores (and the GC barrier of the reason's) when clean.
        if (dirty) {
            side = Side.HOLD;
            probability = Double.NaN;
            size = Double.NaN;
            reason = "";
            dirty = false;
        }
        return this;
    }

    public Decision set(Side side, double probability, double size) {
        if (side == null) {
            throw new IllegalArgumentException("side must not be null");
        }
        if (!Double.isNaN(probability) && (probability < 0 || probability > 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        if (!Double.isNaN(size) && size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        this.side = side;
        this.probability = probability;
        this.size = size;
        this.dirty = true;
        return this;
    }

    public Decision buy() {
        return set(Side.BUY, Double.NaN, Double.NaN);
    }

    public Decision sell() {
        return set(Side.SELL, Double.NaN, Double.NaN);
    }

    public Decision hold() {
        return set(Side.HOLD, Double.NaN, Double.NaN);
    }

    /** A short label for why (kept on the trade as its entry or exit reason); use constants. */
    public Decision because(String reason) {
        this.reason = reason == null ? "" : reason;
        this.dirty = true;
        return this;
    }

    public Side side() {
        return side;
    }

    public double probability() {
        return probability;
    }

    public double size() {
        return size;
    }

    public String reason() {
        return reason;
    }
}
