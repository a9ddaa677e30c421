package org.trellis.deeplearning.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;

/**
 * The "candles" feature set of the deep-learning plugin: <b>75 features</b> from one instrument's OHLCV
 * bars (windows W in {5, 10, 20, 50}), in this order:
 *
 * <ul>
 *   <li><b>returns (7)</b>: {@code return_W} = c/c[-W] - 1 (pandas {@code pct_change(W)});
 *       {@code log_return_1} = ln(c/c[-1]); {@code intraday_return} = (c-o)/o; {@code hl_range} = (h-l)/c.</li>
 *   <li><b>trend (14)</b>: {@code sma_W}; {@code price_to_sma_W} = c/sma_W; {@code ema_12}, {@code ema_26}
 *       (alpha 2/(n+1), seeded with the first close: ta4j {@code EMAIndicator}, pandas
 *       {@code ewm(span=n, adjust=False)}); {@code macd} = ema_12 - ema_26, {@code macd_signal} = EMA9 of
 *       macd seeded with its first value (0), {@code macd_hist} = macd - signal (ta4j
 *       {@code MACDIndicator}, {@code getSignalLine(9)}, {@code getHistogram(9)}); {@code rsi_14}: Wilder
 *       smoothing {@code avg = (x - avg) * (1/14) + avg} of gains and losses seeded with 0 at the first
 *       bar, 0 when flat, 100 with gains only (ta4j {@code RSIIndicator}).</li>
 *   <li><b>Bollinger (5)</b>, 20 bars, k = 2: {@code bb_mid} = sma_20, {@code bb_upper}/{@code bb_lower} =
 *       mid +/- 2 * population standard deviation (ta4j's bands over its {@code StandardDeviationIndicator});
 *       {@code bb_width} = (u-l)/m (ta4j's {@code BollingerBandWidthIndicator} is 100 times this);
 *       {@code bb_position} = (c-l)/(u-l).</li>
 *   <li><b>volatility (10)</b>: {@code atr_14} = Wilder average ({@code MMAIndicator}) of the true range,
 *       whose first bar is h-l (ta4j {@code ATRIndicator}/{@code TRIndicator}); {@code atr_14_pct} =
 *       atr/c; {@code std_W} = <i>population</i> standard deviation of the close over W bars (ta4j
 *       {@code StandardDeviationIndicator}; pandas' default would be the sample one), {@code std_W_pct} =
 *       std/c.</li>
 *   <li><b>momentum (7)</b>: {@code roc_W} = (c - c[-W]) / c[-W] * 100 (ta4j {@code ROCIndicator});
 *       {@code momentum_10}, {@code momentum_20} = c - c[-n]; {@code williams_r_14} = (hh - c)/(hh - ll) *
 *       -100 over 14 bars' highs and lows (ta4j {@code WilliamsRIndicator}).</li>
 *   <li><b>volume (11)</b>: {@code volume_sma_W}; {@code volume_ratio_W} = v / volume_sma_W; {@code obv}
 *       (0 at the first bar, +v on an up close, -v on a down close: ta4j {@code OnBalanceVolumeIndicator});
 *       {@code vwap_20} = sum(tp*v)/sum(v) over 20 bars with the typical price tp = (h+l+c)/3 (ta4j
 *       {@code VWAPIndicator}); {@code close_to_vwap_20} = c/vwap_20.</li>
 *   <li><b>price patterns (5)</b>: {@code dist_high_W} = (max high over W - c)/c, {@code dist_low_W} =
 *       (c - min low over W)/c for W in {20, 50} (ta4j {@code HighestValueIndicator} /
 *       {@code LowestValueIndicator}); {@code range_position_20} = (c - min low)/(max high - min low).</li>
 *   <li><b>statistics (2)</b>: {@code skew_20}, {@code kurt_20} of the last 20 one-bar returns c/c[-1] - 1,
 *       with pandas' rolling semantics: bias-corrected sample skewness
 *       sqrt(n(n-1))/(n-2) * m3/m2^1.5 and excess kurtosis (n-1)/((n-2)(n-3)) * ((n+1)(m4/m2^2 - 3) + 6),
 *       m_k the biased central moments; computed over the window with a centred two-pass sum.</li>
 *   <li><b>calendar (11)</b>, from the bar's open time in UTC: {@code hour} 0..23, {@code day_of_week}
 *       (Monday = 0 .. Sunday = 6, as pandas), {@code day_of_month} 1..31, {@code month} 1..12,
 *       {@code quarter} 1..4, {@code weekend} (Saturday or Sunday), {@code session_asia} [0, 8),
 *       {@code session_london} [8, 12), {@code session_new_york} [12, 21), {@code session_off_hours}
 *       [21, 24) by UTC hour, {@code holiday} (the UTC date is an NYSE full-day closure, by rule: see
 *       {@link NyseHolidays}); flags are 0 or 1.</li>
 *   <li><b>regime (3)</b>: {@code regime_p_low}, {@code regime_p_high}, {@code regime} (0 low, 1 high), a
 *       two-state volatility regime filtered forward only (never smoothed), defined below.</li>
 * </ul>
 *
 * <p><b>Regime filter.</b> r_t = ln(c_t / c_{t-1}). The long-run variance v is an EWMA of r^2 with
 * alpha = 2/(span+1) (span default 500), seeded with the first r^2, and taken <i>before</i> r_t is
 * included. The low state has variance 0.5 v, the high state 2 v, both zero mean. Transitions are sticky:
 * A = [[s, 1-s], [1-s, s]] with stay probability s (default 0.95). Starting from p_0 = (0.5, 0.5), each
 * bar p_t is proportional to (A^T p_{t-1}) (elementwise) N(r_t; 0, sigma_k^2), normalised to sum 1. While v
 * is not yet known (the first return) or is 0, or when r_t is not finite, the previous probabilities are
 * kept. {@code regime} is 1 when p_high &gt; 0.5. The likelihood ratio is evaluated in log space
 * (ln N_low - ln N_high = ln 2 - 0.75 r^2/v), so extreme returns cannot underflow both likelihoods.
 *
 * <p><b>Warm-up.</b> {@link #warmUp()} is 51 bars (return_50 and roc_50 need c[-50]). Before its own
 * window is full each feature is NaN: return_W, roc_W, momentum_n need W+1 bars; sma, std, volume sma,
 * ratios, dist_*, Bollinger, vwap need W bars; ema_n n bars; macd 26, macd_signal and macd_hist 34;
 * rsi_14 and atr_14 15; williams_r_14 14; skew_20 and kurt_20 21; log_return_1 2. obv, intraday_return,
 * hl_range, calendar and regime are defined from the first bar. A zero denominator (a flat window in
 * bb_position, williams_r_14, range_position_20, skew/kurt; zero volume in vwap or volume ratios) gives
 * NaN, as in ta4j and pandas.
 *
 * <p><b>Implementation.</b> Rings of the last 64 closes, highs, lows, volumes, typical-price*volume and
 * returns (each stored twice, so every window is one contiguous run); per bar one backward scan of at
 * most 50 slots yields every window's sum, highest high and lowest low (sums are re-added over the
 * window each bar: no running sums, so no drift), and standard deviations and moments are recomputed
 * over their windows with a centred two-pass (no sums of squares, so no cancellation at any price
 * level). {@link #update} and {@link #write} allocate nothing; memory is O(50). Batch equals incremental
 * by construction (the default {@code updateAll}). About 0.45 us per bar on this project's 2-core
 * machine (1,000,000 bars in ~0.45 s, {@code CandleThroughputCheck}).
 */
public final class CandleFeatures implements FeatureSet {
    /** The number of features. */
    public static final int COUNT = 75;
    public static final int DEFAULT_REGIME_SPAN = 500;
    public static final double DEFAULT_REGIME_STAY = 0.95;

    private static final int[] WINDOWS = {5, 10, 20, 50};
    private static final List<String> NAMES = buildNames();
    private static final int[] SEGMENTS = {5, 10, 14, 20, 50};
    private static final int CAP = 64;
    private static final int MASK = CAP - 1;
    private static final long DAY_MS = 86_400_000L;
    private static final double LN2 = Math.log(2);

    private static final double K12 = 2.0 / (12 + 1);
    private static final double K26 = 2.0 / (26 + 1);
    private static final double K9 = 2.0 / (9 + 1);
    private static final double M14 = 1.0 / 14;

    private final int regimeSpan;
    private final double regimeStay;
    private final double regimeAlpha;

    // rings of the last CAP values, each stored twice (at slot and slot + CAP), so that any window
    // ending at the newest value is one contiguous descending run of indices (no wrap, no masking)
    private final double[] closes = new double[2 * CAP];
    private final double[] highs = new double[2 * CAP];
    private final double[] lows = new double[2 * CAP];
    private final double[] volumes = new double[2 * CAP];
    private final double[] typicalVolumes = new double[2 * CAP];
    private final double[] returns = new double[2 * CAP];
    private final double[] values = new double[COUNT];
    private final NyseHolidays holidays = new NyseHolidays();

    private long seen;
    private double ema12;
    private double ema26;
    private double signal;
    private double avgGain;
    private double avgLoss;
    private double atr;
    private double obv;
    private double regimeVar;
    private boolean regimeVarKnown;
    private double pLow;
    private double pHigh;

    // calendar cache: the fields of the last epoch day seen
    private long calendarDay = Long.MIN_VALUE;
    private int dayOfWeek;
    private int dayOfMonth;
    private int month;
    private boolean holiday;

    // scratch of the window scan (fields, so the scan allocates nothing)
    private final double[] closeSum = new double[4];
    private final double[] shiftedSum = new double[4];
    private final double[] volumeSum = new double[4];

    public CandleFeatures() {
        this(DEFAULT_REGIME_SPAN, DEFAULT_REGIME_STAY);
    }

    /**
     * @param regimeSpan span of the regime filter's long-run variance EWMA (alpha = 2/(span+1)), >= 1
     * @param regimeStay probability of staying in a regime from one bar to the next, in (0, 1)
     */
    public CandleFeatures(int regimeSpan, double regimeStay) {
        if (regimeSpan < 1) {
            throw new IllegalArgumentException("candles: regime-span must be >= 1 bar, got " + regimeSpan);
        }
        if (!(regimeStay > 0 && regimeStay < 1)) {
            throw new IllegalArgumentException("candles: regime-stay must be a probability strictly between 0 and 1, got "
                    + regimeStay);
        }
        this.regimeSpan = regimeSpan;
        this.regimeStay = regimeStay;
        this.regimeAlpha = 2.0 / (regimeSpan + 1);
        reset();
    }

    public int regimeSpan() {
        return regimeSpan;
    }

    public double regimeStay() {
        return regimeStay;
    }

    /** The feature names, in output order (the same for every instance). */
    public static List<String> featureNames() {
        return NAMES;
    }

    private static List<String> buildNames() {
        List<String> n = new ArrayList<>();
        for (int w : WINDOWS) {
            n.add("return_" + w);
        }
        n.addAll(List.of("log_return_1", "intraday_return", "hl_range"));
        for (int w : WINDOWS) {
            n.add("sma_" + w);
        }
        for (int w : WINDOWS) {
            n.add("price_to_sma_" + w);
        }
        n.addAll(List.of("ema_12", "ema_26", "macd", "macd_signal", "macd_hist", "rsi_14"));
        n.addAll(List.of("bb_upper", "bb_lower", "bb_mid", "bb_width", "bb_position"));
        n.addAll(List.of("atr_14", "atr_14_pct"));
        for (int w : WINDOWS) {
            n.add("std_" + w);
        }
        for (int w : WINDOWS) {
            n.add("std_" + w + "_pct");
        }
        for (int w : WINDOWS) {
            n.add("roc_" + w);
        }
        n.addAll(List.of("momentum_10", "momentum_20", "williams_r_14"));
        for (int w : WINDOWS) {
            n.add("volume_sma_" + w);
        }
        for (int w : WINDOWS) {
            n.add("volume_ratio_" + w);
        }
        n.addAll(List.of("obv", "vwap_20", "close_to_vwap_20"));
        n.addAll(List.of("dist_high_20", "dist_high_50", "dist_low_20", "dist_low_50", "range_position_20"));
        n.addAll(List.of("skew_20", "kurt_20"));
        n.addAll(List.of("hour", "day_of_week", "day_of_month", "month", "quarter", "weekend", "session_asia",
                "session_london", "session_new_york", "session_off_hours", "holiday"));
        n.addAll(List.of("regime_p_low", "regime_p_high", "regime"));
        if (n.size() != COUNT || n.stream().distinct().count() != COUNT) {
            throw new IllegalStateException("candle feature names: expected " + COUNT + " unique, got " + n);
        }
        return Collections.unmodifiableList(n);
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public int warmUp() {
        return 51;
    }

    @Override
    public void reset() {
        Arrays.fill(closes, 0);
        Arrays.fill(highs, 0);
        Arrays.fill(lows, 0);
        Arrays.fill(volumes, 0);
        Arrays.fill(typicalVolumes, 0);
        Arrays.fill(returns, 0);
        Arrays.fill(values, Double.NaN);
        seen = 0;
        ema12 = ema26 = signal = avgGain = avgLoss = atr = obv = 0;
        regimeVar = 0;
        regimeVarKnown = false;
        pLow = 0.5;
        pHigh = 0.5;
        calendarDay = Long.MIN_VALUE;
        holidays.clear();
    }

    @Override
    public void write(double[] out, int offset) {
        System.arraycopy(values, 0, out, offset, COUNT);
    }

    @Override
    public void update(Bar bar) {
        final long time = bar.time();
        final double o = bar.open();
        final double h = bar.high();
        final double l = bar.low();
        final double c = bar.close();
        final double v = bar.volume();
        final long n = ++seen;
        final int cur = (int) ((n - 1) & MASK) + CAP; // the newest slot of the upper copy
        final double prev = n > 1 ? closes[cur - 1] : Double.NaN;
        closes[cur] = closes[cur - CAP] = c;
        highs[cur] = highs[cur - CAP] = h;
        lows[cur] = lows[cur - CAP] = l;
        volumes[cur] = volumes[cur - CAP] = v;
        double tpv = (h + l + c) / 3 * v;
        typicalVolumes[cur] = typicalVolumes[cur - CAP] = tpv;
        if (n > 1) {
            int r = (int) ((n - 2) & MASK) + CAP; // return number n-1 (0-based n-2)
            returns[r] = returns[r - CAP] = c / prev - 1;
        }

        // recursive state (ta4j's recursions, operation for operation)
        double tr;
        if (n == 1) {
            ema12 = c;
            ema26 = c;
            signal = 0; // macd at the first bar is ema12 - ema26 = 0
            avgGain = 0;
            avgLoss = 0;
            tr = Math.abs(h - l);
            atr = tr;
            obv = 0;
        } else {
            ema12 = (c - ema12) * K12 + ema12;
            ema26 = (c - ema26) * K26 + ema26;
            double macdNow = ema12 - ema26;
            signal = (macdNow - signal) * K9 + signal;
            double gain = c > prev ? c - prev : 0;
            double loss = c < prev ? prev - c : 0;
            avgGain = (gain - avgGain) * M14 + avgGain;
            avgLoss = (loss - avgLoss) * M14 + avgLoss;
            tr = Math.max(Math.max(Math.abs(h - l), Math.abs(h - prev)), Math.abs(prev - l));
            atr = (tr - atr) * M14 + atr;
            if (prev > c) {
                obv = obv - v;
            } else if (prev < c) {
                obv = obv + v;
            }
        }
        final double logReturn = n > 1 ? Math.log(c / prev) : Double.NaN;
        updateRegime(logReturn);

        // one backward scan in segments ending at 5, 10, 14, 20, 50 bars back: sums of closes (also
        // minus the newest close, for the standard deviations), volumes and tp*v, highest high, lowest low
        final int avail = (int) Math.min(n, 50);
        double sc = 0;
        double sd = 0;
        double sv = 0;
        double stpv = 0;
        double hh = Double.NEGATIVE_INFINITY;
        double ll = Double.POSITIVE_INFINITY;
        double stpv20 = Double.NaN;
        double hh14 = Double.NaN;
        double ll14 = Double.NaN;
        double hh20 = Double.NaN;
        double ll20 = Double.NaN;
        double hh50 = Double.NaN;
        double ll50 = Double.NaN;
        int k = 0;
        for (int seg = 0; seg < SEGMENTS.length; seg++) {
            int segEnd = SEGMENTS[seg];
            int stop = Math.min(segEnd, avail);
            for (; k < stop; k++) {
                int i = cur - k;
                double x = closes[i];
                sc += x;
                sd += x - c;
                sv += volumes[i];
                stpv += typicalVolumes[i];
                double hi = highs[i];
                double lo = lows[i];
                hh = hi > hh ? hi : hh; // plain compares (as ta4j's); Math.max's NaN/-0 handling is slower
                ll = lo < ll ? lo : ll;
            }
            if (stop < segEnd) {
                break;
            }
            switch (seg) {
                case 0, 1, 3, 4 -> {
                    int w = seg < 2 ? seg : seg - 1;
                    closeSum[w] = sc;
                    shiftedSum[w] = sd;
                    volumeSum[w] = sv;
                    if (seg == 3) {
                        hh20 = hh;
                        ll20 = ll;
                        stpv20 = stpv;
                    } else if (seg == 4) {
                        hh50 = hh;
                        ll50 = ll;
                    }
                }
                default -> {
                    hh14 = hh;
                    ll14 = ll;
                }
            }
        }

        final double[] out = values;
        int f = 0;
        // returns
        for (int j = 0; j < 4; j++) {
            int win = WINDOWS[j];
            out[f++] = n > win ? c / closeBack(n, win) - 1 : Double.NaN;
        }
        out[f++] = logReturn;
        out[f++] = (c - o) / o;
        out[f++] = (h - l) / c;
        // sma, price_to_sma
        for (int j = 0; j < 4; j++) {
            out[f++] = n >= WINDOWS[j] ? closeSum[j] / WINDOWS[j] : Double.NaN;
        }
        for (int j = 0; j < 4; j++) {
            out[f++] = n >= WINDOWS[j] ? c / (closeSum[j] / WINDOWS[j]) : Double.NaN;
        }
        // ema, macd, rsi
        double macd = ema12 - ema26;
        out[f++] = n >= 12 ? ema12 : Double.NaN;
        out[f++] = n >= 26 ? ema26 : Double.NaN;
        out[f++] = n >= 26 ? macd : Double.NaN;
        out[f++] = n >= 34 ? signal : Double.NaN;
        out[f++] = n >= 34 ? macd - signal : Double.NaN;
        out[f++] = n >= 15 ? rsi() : Double.NaN;
        // standard deviations (population, centred two-pass over each window)
        double std5 = n >= 5 ? std(cur, 5, shiftedSum[0]) : Double.NaN;
        double std10 = n >= 10 ? std(cur, 10, shiftedSum[1]) : Double.NaN;
        double std20 = n >= 20 ? std(cur, 20, shiftedSum[2]) : Double.NaN;
        double std50 = n >= 50 ? std(cur, 50, shiftedSum[3]) : Double.NaN;
        // Bollinger (20, 2)
        if (n >= 20) {
            double mid = closeSum[2] / 20;
            double upper = mid + std20 * 2;
            double lower = mid - std20 * 2;
            out[f++] = upper;
            out[f++] = lower;
            out[f++] = mid;
            out[f++] = (upper - lower) / mid;
            out[f++] = (c - lower) / (upper - lower);
        } else {
            for (int j = 0; j < 5; j++) {
                out[f++] = Double.NaN;
            }
        }
        // atr
        out[f++] = n >= 15 ? atr : Double.NaN;
        out[f++] = n >= 15 ? atr / c : Double.NaN;
        out[f++] = std5;
        out[f++] = std10;
        out[f++] = std20;
        out[f++] = std50;
        out[f++] = std5 / c;
        out[f++] = std10 / c;
        out[f++] = std20 / c;
        out[f++] = std50 / c;
        // roc, momentum, williams
        for (int j = 0; j < 4; j++) {
            int win = WINDOWS[j];
            if (n > win) {
                double back = closeBack(n, win);
                out[f++] = (c - back) / back * 100;
            } else {
                out[f++] = Double.NaN;
            }
        }
        out[f++] = n > 10 ? c - closeBack(n, 10) : Double.NaN;
        out[f++] = n > 20 ? c - closeBack(n, 20) : Double.NaN;
        out[f++] = n >= 14 ? (hh14 - c) / (hh14 - ll14) * -100 : Double.NaN;
        // volume
        for (int j = 0; j < 4; j++) {
            out[f++] = n >= WINDOWS[j] ? volumeSum[j] / WINDOWS[j] : Double.NaN;
        }
        for (int j = 0; j < 4; j++) {
            out[f++] = n >= WINDOWS[j] ? v / (volumeSum[j] / WINDOWS[j]) : Double.NaN;
        }
        out[f++] = obv;
        double vwap = n >= 20 ? stpv20 / volumeSum[2] : Double.NaN;
        out[f++] = vwap;
        out[f++] = c / vwap;
        // price patterns
        out[f++] = (hh20 - c) / c;
        out[f++] = (hh50 - c) / c;
        out[f++] = (c - ll20) / c;
        out[f++] = (c - ll50) / c;
        out[f++] = (c - ll20) / (hh20 - ll20);
        // statistics of the last 20 one-bar returns
        if (n >= 21) {
            f = moments(n, out, f);
        } else {
            out[f++] = Double.NaN;
            out[f++] = Double.NaN;
        }
        // calendar
        f = calendar(time, out, f);
        // regime
        out[f++] = pLow;
        out[f++] = pHigh;
        out[f++] = pHigh > 0.5 ? 1 : 0;
        assert f == COUNT;
    }

    private double closeBack(long n, int back) {
        return closes[(int) ((n - 1) & MASK) + CAP - back];
    }

    private double rsi() {
        if (avgLoss == 0) {
            return avgGain == 0 ? 0 : 100;
        }
        double rs = avgGain / avgLoss;
        return 100 - 100 / (1 + rs);
    }

    /**
     * Population standard deviation of the last {@code win} closes: a centred two-pass over the window,
     * on the closes minus the newest one ({@code shifted} is their sum, from the scan). The same
     * variance; a flat window gives exactly 0, and the deviations are small numbers at any price level.
     */
    private double std(int cur, int win, double shifted) {
        double shift = closes[cur];
        double mean = shifted / win;
        double ss = mean * mean; // the newest close's own deviation, (0 - mean)^2
        for (int k = 1; k < win; k++) {
            double d = closes[cur - k] - shift - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / win);
    }

    /** skew_20 and kurt_20 of the returns numbered n-21 .. n-2 (0-based), pandas' bias-corrected forms. */
    private int moments(long n, double[] out, int f) {
        final int m = 20;
        final int top = (int) ((n - 2) & MASK) + CAP;
        double sum = 0;
        for (int k = 0; k < m; k++) {
            sum += returns[top - k];
        }
        double mean = sum / m;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int k = 0; k < m; k++) {
            double d = returns[top - k] - mean;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        double m2 = s2 / m;
        double m3 = s3 / m;
        double m4 = s4 / m;
        if (m2 == 0) {
            out[f++] = Double.NaN;
            out[f++] = Double.NaN;
        } else {
            out[f++] = Math.sqrt((double) m * (m - 1)) / (m - 2) * m3 / (m2 * Math.sqrt(m2));
            out[f++] = (m - 1.0) / ((m - 2.0) * (m - 3.0)) * ((m + 1.0) * (m4 / (m2 * m2) - 3) + 6);
        }
        return f;
    }

    private int calendar(long time, double[] out, int f) {
        long day = Math.floorDiv(time, DAY_MS);
        if (day != calendarDay) {
            civil(day);
        }
        int hour = (int) (Math.floorMod(time, DAY_MS) / 3_600_000L);
        out[f++] = hour;
        out[f++] = dayOfWeek;
        out[f++] = dayOfMonth;
        out[f++] = month;
        out[f++] = (month - 1) / 3 + 1;
        out[f++] = dayOfWeek >= 5 ? 1 : 0;
        out[f++] = hour < 8 ? 1 : 0;
        out[f++] = hour >= 8 && hour < 12 ? 1 : 0;
        out[f++] = hour >= 12 && hour < 21 ? 1 : 0;
        out[f++] = hour >= 21 ? 1 : 0;
        out[f++] = holiday ? 1 : 0;
        return f;
    }

    /** Fills the calendar cache for an epoch day (H. Hinnant's civil_from_days). */
    private void civil(long epochDay) {
        long z = epochDay + 719468;
        long era = Math.floorDiv(z, 146097L);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int mo = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (mo <= 2 ? 1 : 0));
        calendarDay = epochDay;
        dayOfMonth = d;
        month = mo;
        dayOfWeek = NyseHolidays.dayOfWeek(epochDay);
        holiday = holidays.isHoliday(epochDay, y);
    }

    /** One forward step of the two-state volatility filter (see the class comment). */
    private void updateRegime(double r) {
        if (!Double.isFinite(r)) { // the first bar, or a non-positive price
            return;
        }
        double r2 = r * r;
        if (regimeVarKnown && regimeVar > 0) {
            double s = regimeStay;
            double priorLow = s * pLow + (1 - s) * pHigh;
            double priorHigh = (1 - s) * pLow + s * pHigh;
            double logRatio = LN2 - 0.75 * r2 / regimeVar; // ln N(r; 0, v/2) - ln N(r; 0, 2v)
            if (logRatio > 0) {
                double e = Math.exp(-logRatio); // N_high / N_low
                double z = priorLow + priorHigh * e;
                pLow = priorLow / z;
                pHigh = priorHigh * e / z;
            } else {
                double e = Math.exp(logRatio); // N_low / N_high
                double z = priorLow * e + priorHigh;
                pLow = priorLow * e / z;
                pHigh = priorHigh / z;
            }
        }
        regimeVar = regimeVarKnown ? regimeVar + regimeAlpha * (r2 - regimeVar) : r2;
        regimeVarKnown = true;
    }
}
