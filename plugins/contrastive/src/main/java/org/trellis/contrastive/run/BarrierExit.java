package org.trellis.contrastive.run;

/**
 * The exit of one long position, defined the way its triple-barrier label is: from a reference bar
 * r with close c and ATR a, the upper barrier is c + k a and the lower c - k a; the closes of bars
 * r+1 .. r+horizon are checked in order, the lower barrier first (a close on both, which needs
 * a = 0 or k = 0, counts as lower, as in the labels), and at bar r + horizon without a touch the
 * position times out. Once decided, the exit stays decided (an exit order that waits or is not
 * filled is asked for again, even if a later close is back between the barriers).
 */
final class BarrierExit {
    static final String UPPER = "upper-barrier";
    static final String LOWER = "lower-barrier";
    static final String TIME_OUT = "time-out";

    private final double k;
    private final int horizon;
    private boolean armed;
    private int referenceBar;
    private double upper;
    private double lower;
    private String reason;

    BarrierExit(double k, int horizon) {
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("barrier k must be a finite number >= 0, got " + k);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 bar, got " + horizon);
        }
        this.k = k;
        this.horizon = horizon;
    }

    /** Barriers around {@code close} at bar {@code bar}; an unknown (NaN) ATR leaves only the time-out. */
    void arm(int bar, double close, double atr) {
        armed = true;
        referenceBar = bar;
        upper = close + k * atr;
        lower = close - k * atr;
        reason = null;
    }

    boolean armed() {
        return armed;
    }

    void disarm() {
        armed = false;
        reason = null;
    }

    /** The exit reason at bar {@code bar} with close {@code close}, or null to stay in. */
    String check(int bar, double close) {
        if (!armed || reason != null || bar <= referenceBar) {
            return reason;
        }
        if (close <= lower) {
            reason = LOWER;
        } else if (close >= upper) {
            reason = UPPER;
        } else if (bar - referenceBar >= horizon) {
            reason = TIME_OUT;
        }
        return reason;
    }
}
