package org.trellis.rl.state;

import java.util.Arrays;

/**
 * Feature 9: 1 on a tick that saw a trade whose value exceeds 3x the median value of the (up to 100)
 * trades before it, once at least 20 trades are known; on every other tick the flag decays by 0.7 (one
 * decay step per tick). The window is also kept sorted (one binary search and one shift per trade), so
 * the median costs no sort and nothing is allocated.
 */
final class LargeTradeFlag {
    static final int WINDOW = 100;
    static final int MIN_TRADES = 20;
    static final double MULTIPLE = 3;
    static final double DECAY = 0.7;

    private final double[] values = new double[WINDOW];
    private final double[] sorted = new double[WINDOW];
    private int count;
    private int next;
    private boolean seen;
    private double flag;

    void onTrade(double value) {
        if (count >= MIN_TRADES && value > MULTIPLE * median()) {
            seen = true;
        }
        if (count == WINDOW) {
            int old = Arrays.binarySearch(sorted, 0, count, values[next]);
            System.arraycopy(sorted, old + 1, sorted, old, count - old - 1);
            count--;
        }
        int at = Arrays.binarySearch(sorted, 0, count, value);
        at = at < 0 ? -at - 1 : at;
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
        count++;
        values[next] = value;
        next = (next + 1) % WINDOW;
    }

    private double median() {
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    /** One decay step: the flag after this tick's trades. */
    double tick() {
        flag = seen ? 1 : flag * DECAY;
        seen = false;
        return flag;
    }

    double value() {
        return flag;
    }
}
