package org.trellis.regime;

import java.util.List;
import org.trellis.api.market.BarSeries;

/**
 * The regime model's observations at each bar: the log return {@code ln(close_t / close_{t-1})}
 * and the volatility, the sample standard deviation (n - 1 in the denominator, as pandas'
 * {@code rolling(24).std()}) of the last 24 log returns, ending at t.
 *
 * <p>Incrementally ({@link #update}) it keeps the last 24 returns in a ring (O(24) memory, no
 * allocation); in batch ({@link #of}) it computes each window afresh. Both sum in the same order
 * (oldest return first), so they give identical doubles. Both values are NaN until 25 bars have
 * been seen (24 returns need 25 closes), and after a non-positive or NaN close until 25 good closes
 * follow it.
 */
public final class RegimeInputs {
    /** Returns per volatility window. */
    public static final int WINDOW = 24;
    /** Bars before the first observation: the first one is at bar index {@value} (the 25th bar). */
    public static final int WARM_UP = WINDOW;
    public static final String LOG_RETURN = "log_return";
    public static final String VOLATILITY = "volatility_24";
    /** Observation columns, in order. */
    public static final List<String> NAMES = List.of(LOG_RETURN, VOLATILITY);
    /** The column the states are sorted by (state 0: the lowest mean volatility). */
    public static final int VOLATILITY_COLUMN = 1;

    private final double[] ring = new double[WINDOW];
    private int count;
    private int next;
    private double previousClose = Double.NaN;
    private double logReturn = Double.NaN;
    private double volatility = Double.NaN;

    /**
     * Take in the next bar's close.
     *
     * @return whether both values are defined at this bar
     */
    public boolean update(double close) {
        double r = logReturn(previousClose, close);
        previousClose = close;
        if (!Double.isNaN(r)) {
            ring[next] = r;
            next = (next + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
        } else {
            // a missing return restarts the window: the next 24 returns must all be good
            count = 0;
        }
        if (count == WINDOW) {
            logReturn = r;
            volatility = std(ring, next);
        } else {
            logReturn = Double.NaN;
            volatility = Double.NaN;
        }
        return !Double.isNaN(volatility);
    }

    /** Whether the last update gave both values. */
    public boolean ready() {
        return !Double.isNaN(volatility);
    }

    public double logReturn() {
        return logReturn;
    }

    public double volatility() {
        return volatility;
    }

    /** Write the observation into {@code out[0..1]} (log return, volatility). */
    public void observation(double[] out) {
        out[0] = logReturn;
        out[1] = volatility;
    }

    public void reset() {
        count = 0;
        next = 0;
        previousClose = Double.NaN;
        logReturn = Double.NaN;
        volatility = Double.NaN;
    }

    /** Observations of every bar of a series, [bar][log return, volatility], NaN where undefined. */
    public static double[][] of(BarSeries series) {
        double[] close = new double[series.size()];
        for (int i = 0; i < close.length; i++) {
            close[i] = series.close(i);
        }
        return of(close);
    }

    /** The same from closes: each window is computed afresh from the closes it covers. */
    public static double[][] of(double[] close) {
        int n = close.length;
        double[][] out = new double[n][2];
        double[] window = new double[WINDOW];
        for (int t = 0; t < n; t++) {
            out[t][0] = Double.NaN;
            out[t][1] = Double.NaN;
            if (t < WINDOW) {
                continue;
            }
            boolean good = true;
            for (int w = 0; w < WINDOW && good; w++) {
                int i = t - WINDOW + 1 + w;
                window[w] = logReturn(close[i - 1], close[i]);
                good = !Double.isNaN(window[w]);
            }
            if (good) {
                out[t][0] = window[WINDOW - 1];
                out[t][1] = std(window, 0);
            }
        }
        return out;
    }

    /** The rows where both values are defined, in order. */
    public static double[][] defined(double[][] rows, int from, int to) {
        return java.util.Arrays.stream(rows, from, to).filter(r -> !Double.isNaN(r[0]) && !Double.isNaN(r[1]))
                .map(double[]::clone).toArray(double[][]::new);
    }

    private static double logReturn(double previous, double close) {
        return previous > 0 && close > 0 && Double.isFinite(previous) && Double.isFinite(close) ? Math.log(close / previous) : Double.NaN;
    }

    /** Sample standard deviation of the ring read from {@code oldest} on, oldest first. */
    private static double std(double[] ring, int oldest) {
        double sum = 0;
        for (int w = 0; w < WINDOW; w++) {
            sum += ring[(oldest + w) % WINDOW];
        }
        double mean = sum / WINDOW;
        double squares = 0;
        for (int w = 0; w < WINDOW; w++) {
            double d = ring[(oldest + w) % WINDOW] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (WINDOW - 1));
    }
}
