package org.trellis.contrastive.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * Train / validation / test windows in time order (70 / 15 / 15 of the windows), purged the way
 * triple-barrier labels need: a label reads up to {@code horizon} bars after its window, so every
 * training window whose label span reaches the first bar of the first validation window is dropped,
 * and likewise every validation window whose span reaches the first test window. (The candle
 * models' {@code ChronologicalSplit} drops a fixed number of windows before each boundary, enough for
 * fixed-horizon labels; here spans end at the barrier touch, so each window is checked.)
 *
 * @param train      window indices, ascending
 * @param validation window indices, ascending
 * @param test       window indices, ascending
 */
public record PurgedChronologicalSplit(int[] train, int[] validation, int[] test) {
    public static final double TRAIN_SHARE = 0.70;
    public static final double VALIDATION_SHARE = 0.15;

    /** Fewest windows for which the validation part can outlast the purge before the test part. */
    public static int minimumWindows(int window, int horizon) {
        // the purge before a boundary removes at most window + horizon - 1 windows
        return (int) Math.ceil((window + horizon) / VALIDATION_SHARE) + 1;
    }

    public static PurgedChronologicalSplit of(ContrastiveDataset data) {
        int n = data.size();
        int trainEnd = (int) Math.floor(n * TRAIN_SHARE);
        int validationEnd = (int) Math.floor(n * (TRAIN_SHARE + VALIDATION_SHARE));
        int[] train = before(data, 0, trainEnd, trainEnd < n ? data.firstBar(trainEnd) : Integer.MAX_VALUE);
        int[] validation = before(data, trainEnd, validationEnd, validationEnd < n ? data.firstBar(validationEnd) : Integer.MAX_VALUE);
        int[] test = new int[n - validationEnd];
        Arrays.setAll(test, i -> validationEnd + i);
        if (train.length < 2 || validation.length < 1 || test.length < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "too little data to split: %,d windows give %,d training, "
                    + "%,d validation and %,d test windows after purging; use more bars", n, train.length, validation.length,
                    test.length));
        }
        return new PurgedChronologicalSplit(train, validation, test);
    }

    /** Windows {@code from .. to - 1} whose label span ends before bar {@code boundary}. */
    private static int[] before(ContrastiveDataset data, int from, int to, int boundary) {
        int[] out = new int[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            if (data.spanEnd(i) < boundary) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
