package org.trellis.contrastive.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.trellis.contrastive.data.WilderAtr;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;

/**
 * The input features of the contrastive plugin's models (spec {@code contrastive.md}, "Features"):
 * <b>14 features</b> of one instrument's bars, in this order (raw names; see normalisation below):
 *
 * <ol>
 *   <li>{@code log_return_1} = ln(c / c[-1]) (from the 2nd bar);</li>
 *   <li>{@code rsi_14}: Wilder RSI as ta4j 0.17 {@code RSIIndicator}: gains and losses averaged by
 *       {@code avg = (x - avg) / 14 + avg} from 0 at the first bar; 0 when flat, 100 with gains only
 *       (from bar 15);</li>
 *   <li>{@code macd_12_26} = EMA12 - EMA26 of the close, alpha 2/(n+1), both seeded with the first
 *       close (ta4j {@code MACDIndicator}; from bar 26);</li>
 *   <li>{@code atr_14}: Wilder ATR (ta4j {@code ATRIndicator}: the first true range is h - l, the
 *       average starts there and moves by (tr - atr)/14; from bar 15);</li>
 *   <li>{@code log_return_std_24}: <i>sample</i> standard deviation (n - 1, as pandas'
 *       {@code rolling(24).std()}) of the last 24 one-bar log returns (from bar 25);</li>
 *   <li>{@code bb_high_20_2}, {@code bb_low_20_2}: SMA20 of the close +/- 2 <i>population</i> standard
 *       deviations of the last 20 closes (ta4j's Bollinger bands over {@code StandardDeviationIndicator});
 *       {@code bb_width_20_2} = (high - low) / c; {@code bb_mid_distance_20} = (c - SMA20) / c (all from
 *       bar 20);</li>
 *   <li>{@code ffd_close_d04}: the close fractionally differenced with d = 0.4, fixed width (weights
 *       down to 1e-4: {@link FractionalDifferencing}; from bar {@link #ffdWidth()}, a few hundred);</li>
 *   <li>{@code hour_sin}, {@code hour_cos} = sin/cos(2 pi hour / 24) and {@code day_of_week_sin},
 *       {@code day_of_week_cos} = sin/cos(2 pi dow / 7), from the bar's open time in UTC (integer hour
 *       0..23; Monday = 0 .. Sunday = 6 as pandas; from the first bar).</li>
 * </ol>
 *
 * <p><b>Normalisation</b> (on by default). Each feature is replaced by its rolling z-score over its own
 * last {@code Z} raw values (default 100), the current one included: (x - mean) / s with s the
 * <i>sample</i> standard deviation (n - 1, as pandas) of those Z values. It is NaN until the feature has
 * Z consecutive defined raw values, and 0 when the Z values are constant: when s is at most
 * {@link #CONSTANT_TOLERANCE} (1e-9) times the largest |value| of the window. A constant feature (the
 * hour on daily bars) carries no information, and 0 rather than NaN keeps the vector usable; the
 * tolerance absorbs rounding: cos(2 pi 3/7) and cos(2 pi 4/7) (Thursday and Friday) are equal but
 * differ by one ulp in doubles, and without it that ulp would read as a z of -9.9. The
 * statistics are computed on deviations from the current value (centred two-pass, so a constant window
 * gives exactly 0) and use past values only: no scaler is fitted on a whole data set. Normalised names carry the
 * window as a suffix ({@code rsi_14_z100}), so raw and normalised sets can run side by side.
 * {@code normalize = false} gives the raw values (used to check them against ta4j).
 * {@code normalizeTime = false} keeps only the 4 time features raw: the spec z-scores every column,
 * but a 100-bar z-score of sin/cos(hour) is a spike train on 1-minute bars (constant for 60 bars,
 * then a jump) and 0 on daily bars, so a model that embeds the time columns separately (the last 4
 * columns, as the transformer agent does) may prefer them raw.
 *
 * <p><b>Not in scope:</b> the spec's optional context-asset features (30-bar rolling correlation of log
 * returns with a second instrument, relative strength close/close_ctx) need a second instrument's
 * bars and are not computed here; nor is the optional PCA (which must be fitted on a training split
 * only, outside a feature set). Label columns never enter these inputs.
 *
 * <p><b>Warm-up.</b> Raw: max(ffd width, 26) bars (the FFD window is the longest; about 280 bars for
 * d = 0.4). Normalised: that plus Z - 1. From {@link #warmUp()} bars on every value is defined (given
 * positive finite prices).
 *
 * <p><b>Implementation.</b> A ring of the last closes (as long as the FFD window) and of the last 24
 * log returns, and one ring of Z raw values per feature, each stored twice so that every window is one
 * contiguous run; windowed statistics are recomputed over their windows each bar with a centred
 * two-pass (no running sums, so no drift, and the same value whatever came before the window).
 * {@link #update} and {@link #write} allocate nothing; memory is O(ffd width + 14 Z). The default
 * {@code updateAll}/{@code batch} run {@link #update}, so batch equals incremental by construction.
 */
public final class ContrastiveFeatures implements FeatureSet {
    /** The number of features. */
    public static final int COUNT = 14;
    public static final int DEFAULT_ZSCORE_WINDOW = 100;
    public static final double FFD_D = 0.4;

    /** Names before normalisation, in output order. */
    public static final List<String> RAW_NAMES = List.of("log_return_1", "rsi_14", "macd_12_26", "atr_14",
            "log_return_std_24", "bb_high_20_2", "bb_low_20_2", "bb_width_20_2", "bb_mid_distance_20", "ffd_close_d04",
            "hour_sin", "hour_cos", "day_of_week_sin", "day_of_week_cos");

    /** A z-score window whose standard deviation is at most this times its largest |value| counts as constant. */
    public static final double CONSTANT_TOLERANCE = 1e-9;

    /** Index of the first cyclic time feature (the last 4 columns). */
    public static final int TIME_FROM = 10;

    private static final int RET_WINDOW = 24;
    private static final int BB_WINDOW = 20;
    private static final int RET_CAP = 32;
    private static final long DAY_MS = 86_400_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final double TWO_PI = 2 * Math.PI;
    private static final double K12 = 2.0 / (12 + 1);
    private static final double K26 = 2.0 / (26 + 1);
    private static final double M14 = 1.0 / 14;

    private final boolean normalize;
    private final boolean normalizeTime;
    private final int zWindow;
    private final List<String> names;
    private final double[] ffdWeights;
    private final int closeCap;
    private final int closeMask;
    private final int zCap;

    private final double[] closes;
    private final double[] returns = new double[2 * RET_CAP];
    private final double[] raw = new double[COUNT];
    private final double[] values = new double[COUNT];
    // per feature: a ring of its last zCap raw values, stored twice ([f][slot] flattened), and the run of
    // consecutive defined raw values
    private final double[] zRing;
    private final int[] zRun = new int[COUNT];

    private long seen;
    private double ema12;
    private double ema26;
    private double avgGain;
    private double avgLoss;
    // the labels' and the strategy's barriers use this same ATR: one implementation
    private final WilderAtr atr = new WilderAtr(14);

    /** Normalised, Z = 100. */
    public ContrastiveFeatures() {
        this(true, DEFAULT_ZSCORE_WINDOW);
    }

    /**
     * @param normalize whether each feature is replaced by its rolling z-score
     * @param zWindow the z-score window in bars, &gt;= 2
     */
    public ContrastiveFeatures(boolean normalize, int zWindow) {
        this(normalize, zWindow, normalize);
    }

    /**
     * @param normalize whether the market features (the first 10) are replaced by their rolling z-scores
     * @param zWindow the z-score window in bars, &gt;= 2
     * @param normalizeTime whether the 4 cyclic time features are z-scored too (the spec's default);
     *     false keeps them as raw sin/cos values in [-1, 1]
     */
    public ContrastiveFeatures(boolean normalize, int zWindow, boolean normalizeTime) {
        if (zWindow < 2) {
            throw new IllegalArgumentException("contrastive: zscore-window must be >= 2 bars, got " + zWindow);
        }
        this.normalize = normalize;
        this.normalizeTime = normalizeTime;
        this.zWindow = zWindow;
        this.ffdWeights = FractionalDifferencing.weights(FFD_D);
        this.closeCap = Integer.highestOneBit(Math.max(ffdWeights.length, BB_WINDOW) - 1) << 1;
        this.closeMask = closeCap - 1;
        this.closes = new double[2 * closeCap];
        this.zCap = Integer.highestOneBit(zWindow - 1) << 1;
        this.zRing = new double[COUNT * 2 * zCap];
        List<String> n = new ArrayList<>(COUNT);
        for (int f = 0; f < COUNT; f++) {
            n.add(zscored(f) ? RAW_NAMES.get(f) + "_z" + zWindow : RAW_NAMES.get(f));
        }
        this.names = Collections.unmodifiableList(n);
        reset();
    }

    public boolean normalize() {
        return normalize;
    }

    public boolean normalizeTime() {
        return normalizeTime;
    }

    /** Whether feature f (0-based, output order) is written as a z-score. */
    public boolean zscored(int f) {
        return f < TIME_FROM ? normalize : normalizeTime;
    }

    public int zscoreWindow() {
        return zWindow;
    }

    /** The width of the fractional differencing window (its number of weights). */
    public int ffdWidth() {
        return ffdWeights.length;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int warmUp() {
        int raw = Math.max(ffdWeights.length, 26);
        return normalize ? raw + zWindow - 1 : raw; // the time features are defined from the first bar
    }

    @Override
    public void reset() {
        Arrays.fill(closes, 0);
        Arrays.fill(returns, 0);
        Arrays.fill(raw, Double.NaN);
        Arrays.fill(values, Double.NaN);
        Arrays.fill(zRing, 0);
        Arrays.fill(zRun, 0);
        seen = 0;
        ema12 = ema26 = avgGain = avgLoss = 0;
        atr.reset();
    }

    @Override
    public void write(double[] out, int offset) {
        System.arraycopy(values, 0, out, offset, COUNT);
    }

    @Override
    public void update(Bar bar) {
        final long time = bar.time();
        final double h = bar.high();
        final double l = bar.low();
        final double c = bar.close();
        final long n = ++seen;
        final int cur = (int) ((n - 1) & closeMask) + closeCap;
        final double prev = n > 1 ? closes[cur - 1] : Double.NaN;
        closes[cur] = closes[cur - closeCap] = c;

        final double logReturn = n > 1 ? Math.log(c / prev) : Double.NaN;
        if (n > 1) {
            int r = (int) ((n - 2) & (RET_CAP - 1)) + RET_CAP; // log return number n-1 (0-based n-2)
            returns[r] = returns[r - RET_CAP] = logReturn;
        }
        if (n == 1) {
            ema12 = c;
            ema26 = c;
            avgGain = 0;
            avgLoss = 0;
        } else {
            ema12 = (c - ema12) * K12 + ema12;
            ema26 = (c - ema26) * K26 + ema26;
            double gain = c > prev ? c - prev : 0;
            double loss = c < prev ? prev - c : 0;
            avgGain = (gain - avgGain) * M14 + avgGain;
            avgLoss = (loss - avgLoss) * M14 + avgLoss;
        }

        final double atrValue = atr.update(h, l, c);

        final double[] x = raw;
        x[0] = logReturn;
        x[1] = n >= 15 ? rsi() : Double.NaN;
        x[2] = n >= 26 ? ema12 - ema26 : Double.NaN;
        x[3] = atrValue;
        x[4] = n >= RET_WINDOW + 1 ? returnStd((int) ((n - 2) & (RET_CAP - 1)) + RET_CAP) : Double.NaN;
        if (n >= BB_WINDOW) {
            double sum = 0;
            for (int k = 0; k < BB_WINDOW; k++) {
                sum += closes[cur - k];
            }
            double mid = sum / BB_WINDOW;
            double ss = 0;
            for (int k = 0; k < BB_WINDOW; k++) {
                double d = closes[cur - k] - mid;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / BB_WINDOW);
            double upper = mid + sd * 2;
            double lower = mid - sd * 2;
            x[5] = upper;
            x[6] = lower;
            x[7] = (upper - lower) / c;
            x[8] = (c - mid) / c;
        } else {
            x[5] = x[6] = x[7] = x[8] = Double.NaN;
        }
        final double[] w = ffdWeights;
        if (n >= w.length) {
            double s = 0;
            for (int k = 0; k < w.length; k++) {
                s += w[k] * closes[cur - k];
            }
            x[9] = s;
        } else {
            x[9] = Double.NaN;
        }
        int hour = (int) (Math.floorMod(time, DAY_MS) / HOUR_MS);
        int dow = (int) Math.floorMod(Math.floorDiv(time, DAY_MS) + 3, 7L); // 1970-01-01 was a Thursday (3)
        double ha = TWO_PI * hour / 24;
        double da = TWO_PI * dow / 7;
        x[10] = Math.sin(ha);
        x[11] = Math.cos(ha);
        x[12] = Math.sin(da);
        x[13] = Math.cos(da);

        for (int f = 0; f < COUNT; f++) {
            values[f] = (f < TIME_FROM ? normalize : normalizeTime) ? zscore(f, x[f]) : x[f];
        }
    }

    private double rsi() {
        if (avgLoss == 0) {
            return avgGain == 0 ? 0 : 100;
        }
        double rs = avgGain / avgLoss;
        return 100 - 100 / (1 + rs);
    }

    /** Sample standard deviation of the 24 log returns ending at slot {@code top}, centred two-pass. */
    private double returnStd(int top) {
        double sum = 0;
        for (int k = 0; k < RET_WINDOW; k++) {
            sum += returns[top - k];
        }
        double mean = sum / RET_WINDOW;
        double ss = 0;
        for (int k = 0; k < RET_WINDOW; k++) {
            double d = returns[top - k] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (RET_WINDOW - 1));
    }

    /** Pushes the raw value of feature f and returns its z-score over the last Z raw values. */
    private double zscore(int f, double v) {
        if (!Double.isFinite(v)) {
            zRun[f] = 0;
            return Double.NaN;
        }
        int run = ++zRun[f];
        final int base = f * 2 * zCap;
        final int cur = base + ((run - 1) & (zCap - 1)) + zCap;
        zRing[cur] = zRing[cur - zCap] = v;
        if (run < zWindow) {
            return Double.NaN;
        }
        if (run > 2 * zCap) {
            zRun[f] = zCap + run % zCap; // keep the counter bounded, same slot parity
        }
        // centred on the current value: deviations d = x - v, so a window of equal values gives exactly
        // d = 0 and z = 0 (a mean computed from the raw values could be an ulp off, making 0/0 noise)
        final int z = zWindow;
        double sum = 0;
        double maxAbs = Math.abs(v);
        for (int k = 1; k < z; k++) {
            double x = zRing[cur - k];
            sum += x - v;
            double a = Math.abs(x);
            maxAbs = a > maxAbs ? a : maxAbs;
        }
        double mean = sum / z; // mean of d; the current value's own d is 0
        double ss = mean * mean;
        for (int k = 1; k < z; k++) {
            double d = zRing[cur - k] - v - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / (z - 1));
        if (sd <= CONSTANT_TOLERANCE * maxAbs) { // constant up to rounding
            return 0;
        }
        return -mean / sd;
    }
}
