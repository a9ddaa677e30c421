package org.trellis.contrastive.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Purged k-fold cross-validation with an embargo (Lopez de Prado, <i>Advances in Financial Machine
 * Learning</i>, ch. 7), as the contrastive spec's model selection uses it: 3 contiguous folds, 1%
 * embargo.
 *
 * <p>Samples are given in time order, each with the span of bars (or times) its label reads,
 * {@code [start, end]} inclusive, the starts non-decreasing. The samples are cut into {@code k}
 * contiguous test blocks (sizes differ by at most one, the first blocks taking the extra sample). For
 * the block of samples [a, b), its interval is [start_a, max end over the block]. Every other sample
 * whose span overlaps that interval is <b>purged</b>. Of the samples after the block that are not
 * purged, the first {@code ceil(embargoShare * n)} are the <b>embargo</b> (as many as exist); they are
 * dropped from training too, so that features computed over the bars right after the test labels
 * (serially correlated with them) do not train the model. The rest is training data.
 *
 * <p>Each sample of a fold is in exactly one of train, test, purged, embargo. All index arrays are
 * sample positions 0..n-1, ascending; {@link #ofLabels} maps them to bar indices.
 */
public final class PurgedKFold {
    public static final int DEFAULT_FOLDS = 3;
    public static final double DEFAULT_EMBARGO_SHARE = 0.01;

    /** One fold: sample positions of each part, ascending. */
    public record Fold(int index, int[] train, int[] test, int[] purged, int[] embargo) {
    }

    private PurgedKFold() {
    }

    /** 3 folds, 1% embargo. */
    public static List<Fold> split(int[] spanStart, int[] spanEnd) {
        return split(spanStart, spanEnd, DEFAULT_FOLDS, DEFAULT_EMBARGO_SHARE);
    }

    /**
     * @param spanStart first bar of each sample's label span, non-decreasing
     * @param spanEnd last bar of each sample's label span, &gt;= its start
     * @param folds number of contiguous test blocks, 2 .. number of samples
     * @param embargoShare share of all samples embargoed after each test block, in [0, 1)
     */
    public static List<Fold> split(int[] spanStart, int[] spanEnd, int folds, double embargoShare) {
        int n = spanStart.length;
        if (spanEnd.length != n) {
            throw new IllegalArgumentException("purged k-fold: " + n + " span starts but " + spanEnd.length + " span ends");
        }
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("purged k-fold: need 2 <= folds <= samples, got " + folds + " folds for "
                    + n + " samples");
        }
        if (!(embargoShare >= 0 && embargoShare < 1)) {
            throw new IllegalArgumentException("purged k-fold: embargo share must be in [0, 1), got " + embargoShare);
        }
        for (int i = 0; i < n; i++) {
            if (spanEnd[i] < spanStart[i]) {
                throw new IllegalArgumentException("purged k-fold: sample " + i + " ends (" + spanEnd[i]
                        + ") before it starts (" + spanStart[i] + ")");
            }
            if (i > 0 && spanStart[i] < spanStart[i - 1]) {
                throw new IllegalArgumentException("purged k-fold: samples must be in time order, but sample " + i
                        + " starts at " + spanStart[i] + ", before sample " + (i - 1) + " (" + spanStart[i - 1] + ")");
            }
        }
        int embargo = embargoLength(n, embargoShare);
        List<Fold> out = new ArrayList<>(folds);
        int base = n / folds;
        int extra = n % folds;
        int a = 0;
        for (int f = 0; f < folds; f++) {
            int b = a + base + (f < extra ? 1 : 0);
            int lo = spanStart[a];
            int hi = Integer.MIN_VALUE;
            for (int i = a; i < b; i++) {
                hi = Math.max(hi, spanEnd[i]);
            }
            IntList train = new IntList();
            IntList purged = new IntList();
            IntList embargoed = new IntList();
            for (int i = 0; i < a; i++) {
                (overlaps(spanStart[i], spanEnd[i], lo, hi) ? purged : train).add(i);
            }
            int left = embargo;
            for (int i = b; i < n; i++) {
                if (overlaps(spanStart[i], spanEnd[i], lo, hi)) {
                    purged.add(i);
                } else if (left > 0) {
                    embargoed.add(i);
                    left--;
                } else {
                    train.add(i);
                }
            }
            int[] test = new int[b - a];
            for (int i = a; i < b; i++) {
                test[i - a] = i;
            }
            out.add(new Fold(f, train.toArray(), test, purged.toArray(), embargoed.toArray()));
            a = b;
        }
        return List.copyOf(out);
    }

    /** The number of embargoed samples: ceil(share * n) (at least one sample for any positive share). */
    public static int embargoLength(int samples, double embargoShare) {
        return (int) Math.ceil(embargoShare * samples);
    }

    /**
     * Folds over the labelled bars of triple-barrier labels (3 folds, 1% embargo), with every index
     * mapped to its <b>bar</b> index.
     */
    public static List<Fold> ofLabels(TripleBarrierLabels labels) {
        int[] bars = labels.labelledBars();
        int[] start = new int[bars.length];
        int[] end = new int[bars.length];
        for (int j = 0; j < bars.length; j++) {
            start[j] = labels.spanStart(bars[j]);
            end[j] = labels.spanEnd(bars[j]);
        }
        List<Fold> folds = split(start, end);
        List<Fold> out = new ArrayList<>(folds.size());
        for (Fold f : folds) {
            out.add(new Fold(f.index(), map(f.train(), bars), map(f.test(), bars), map(f.purged(), bars),
                    map(f.embargo(), bars)));
        }
        return List.copyOf(out);
    }

    private static int[] map(int[] positions, int[] bars) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = bars[positions[i]];
        }
        return out;
    }

    private static boolean overlaps(int s, int e, int lo, int hi) {
        return s <= hi && e >= lo;
    }

    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
