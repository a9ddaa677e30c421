package org.trellis.contrastive.data;

import java.util.Arrays;
import org.trellis.api.market.BarSeries;

/**
 * Triple-barrier labels (Lopez de Prado, <i>Advances in Financial Machine Learning</i>, ch. 3) as the
 * contrastive spec defines them. For each bar i with a known ATR:
 * upper = close_i + k * ATR_i, lower = close_i - k * ATR_i (defaults k = 1.5, ATR 14, horizon 24).
 * The closes of bars i+1 .. i+horizon are scanned in order; the first bar whose close is
 * {@code >= upper} or {@code <= lower} decides: upper only -> +1, lower (also when both are touched on
 * the same bar, which needs ATR_i = 0) -> -1; no touch within the horizon -> 0 (time-out). Only closes
 * are read (no intrabar highs or lows), so a touch is the close reaching a barrier.
 *
 * <p>Bar i's label span is [i+1, exit]: exit is the touching bar, or i + horizon on a time-out. It
 * never includes bar i itself, whose features the label goes with. The last {@code horizon} bars
 * (whose scan would run past the data) and bars without an ATR get {@link #NO_LABEL}; their span
 * is [-1, -1].
 *
 * <p>ATR is Wilder's, as ta4j 0.17's {@code ATRIndicator}: the true range of the first bar is
 * high - low, later max(h - l, |h - c[-1]|, |c[-1] - l|); the average starts at the first true range
 * and moves by (tr - atr) / period. It is taken as known from bar index {@code period} on (period true
 * ranges after the first bar), NaN before, as in the candle features.
 *
 * <p>The binary target of the spec is +1 versus the rest ({@link #binaryTargets()}). Sample weights by
 * uniqueness ({@link #uniquenessWeights()}): the concurrency of a bar is the number of label spans that
 * cover it; a label's weight is the mean of 1/concurrency over its span.
 */
public final class TripleBarrierLabels {
    /** Label of a bar that has none (the last horizon bars, bars without ATR). */
    public static final byte NO_LABEL = Byte.MIN_VALUE;
    public static final double DEFAULT_K = 1.5;
    public static final int DEFAULT_ATR_PERIOD = 14;
    public static final int DEFAULT_HORIZON = 24;

    private final byte[] labels;
    private final int[] spanStart;
    private final int[] spanEnd;

    private TripleBarrierLabels(byte[] labels, int[] spanStart, int[] spanEnd) {
        this.labels = labels;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
    }

    /** Labels with the spec's defaults: k = 1.5, ATR 14, horizon 24. */
    public static TripleBarrierLabels of(BarSeries bars) {
        return of(bars, DEFAULT_K, DEFAULT_ATR_PERIOD, DEFAULT_HORIZON);
    }

    public static TripleBarrierLabels of(BarSeries bars, double k, int atrPeriod, int horizon) {
        int n = bars.size();
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            closes[i] = bars.close(i);
        }
        return of(closes, wilderAtr(bars, atrPeriod), k, horizon);
    }

    /**
     * Labels from closes and a given ATR per bar (NaN where unknown: such bars get no label).
     *
     * @param k barrier width in ATRs, finite and &gt;= 0
     * @param horizon the number of closes scanned after each bar, &gt;= 1
     */
    public static TripleBarrierLabels of(double[] closes, double[] atr, double k, int horizon) {
        if (closes.length != atr.length) {
            throw new IllegalArgumentException("triple barrier: " + closes.length + " closes but " + atr.length + " ATR values");
        }
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("triple barrier: k must be a finite number >= 0, got " + k);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("triple barrier: horizon must be >= 1 bar, got " + horizon);
        }
        int n = closes.length;
        byte[] labels = new byte[n];
        int[] start = new int[n];
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            double a = atr[i];
            if (i + horizon >= n || !Double.isFinite(a) || !Double.isFinite(closes[i])) {
                labels[i] = NO_LABEL;
                start[i] = -1;
                end[i] = -1;
                continue;
            }
            double upper = closes[i] + k * a;
            double lower = closes[i] - k * a;
            byte label = 0;
            int exit = i + horizon;
            for (int j = i + 1; j <= i + horizon; j++) {
                double c = closes[j];
                if (c <= lower) {
                    label = -1;
                    exit = j;
                    break;
                }
                if (c >= upper) {
                    label = 1;
                    exit = j;
                    break;
                }
            }
            labels[i] = label;
            start[i] = i + 1;
            end[i] = exit;
        }
        return new TripleBarrierLabels(labels, start, end);
    }

    /** Wilder's ATR ({@link WilderAtr}) of every bar, NaN for bar indices below {@code period}. */
    public static double[] wilderAtr(BarSeries bars, int period) {
        WilderAtr atr = new WilderAtr(period);
        double[] out = new double[bars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = atr.update(bars.high(i), bars.low(i), bars.close(i));
        }
        return out;
    }

    public int size() {
        return labels.length;
    }

    /** +1, -1, 0 or {@link #NO_LABEL} per bar (a copy). */
    public byte[] labels() {
        return labels.clone();
    }

    public byte label(int i) {
        return labels[i];
    }

    public boolean hasLabel(int i) {
        return labels[i] != NO_LABEL;
    }

    /** First bar of bar i's label span (i + 1), -1 without a label. */
    public int spanStart(int i) {
        return spanStart[i];
    }

    /** Last bar of bar i's label span (the exit bar), -1 without a label. */
    public int spanEnd(int i) {
        return spanEnd[i];
    }

    /** The binary target, 1 for +1 and 0 for -1 and 0, {@link #NO_LABEL} without a label (a copy). */
    public byte[] binaryTargets() {
        byte[] out = new byte[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] == NO_LABEL ? NO_LABEL : (byte) (labels[i] == 1 ? 1 : 0);
        }
        return out;
    }

    /** Indices of the labelled bars, ascending. */
    public int[] labelledBars() {
        int count = 0;
        for (byte l : labels) {
            count += l == NO_LABEL ? 0 : 1;
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < labels.length; i++) {
            if (labels[i] != NO_LABEL) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Number of label spans covering each bar. */
    public int[] concurrency() {
        int n = labels.length;
        int[] diff = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (labels[i] != NO_LABEL) {
                diff[spanStart[i]]++;
                diff[spanEnd[i] + 1]--;
            }
        }
        int[] out = new int[n];
        int c = 0;
        for (int t = 0; t < n; t++) {
            c += diff[t];
            out[t] = c;
        }
        return out;
    }

    /** Per bar, the mean of 1/concurrency over its label span; NaN without a label. */
    public double[] uniquenessWeights() {
        int[] c = concurrency();
        double[] out = new double[labels.length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == NO_LABEL) {
                continue;
            }
            double s = 0;
            for (int t = spanStart[i]; t <= spanEnd[i]; t++) {
                s += 1.0 / c[t];
            }
            out[i] = s / (spanEnd[i] - spanStart[i] + 1);
        }
        return out;
    }
}
