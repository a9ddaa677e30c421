package org.trellis.contrastive.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.runtime.data.BundledData;

class PurgedKFoldTest {

    /** Random spans: strictly increasing starts (gaps 1..3), lengths 1..40 bars. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {3, 4, 10, 57, 100, 101, 1000, 2345})
    void noTrainingSpanTouchesTheTestBlockOrTheEmbargo(int n) {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + n);
            int[] start = new int[n];
            int[] end = new int[n];
            int t = rnd.nextInt(5);
            for (int i = 0; i < n; i++) {
                t += 1 + rnd.nextInt(3);
                start[i] = t;
                end[i] = t + rnd.nextInt(rnd.nextBoolean() ? 3 : 40);
            }
            check(start, end, PurgedKFold.split(start, end));
        }
    }

    @Test
    void foldsOverRealTripleBarrierLabels() {
        TripleBarrierLabels labels = TripleBarrierLabels.of(BundledData.bars("btc-usd-1h"));
        List<PurgedKFold.Fold> folds = PurgedKFold.ofLabels(labels);
        int[] bars = labels.labelledBars();
        int covered = 0;
        for (PurgedKFold.Fold f : folds) {
            covered += f.test().length;
            int lo = labels.spanStart(f.test()[0]);
            int hi = 0;
            for (int b : f.test()) {
                hi = Math.max(hi, labels.spanEnd(b));
            }
            for (int b : f.train()) {
                assertTrue(labels.hasLabel(b));
                assertFalse(labels.spanStart(b) <= hi && labels.spanEnd(b) >= lo, "bar " + b + " leaks into fold " + f.index());
            }
            // a 24-bar horizon purges at most 24 samples on each side of the block
            assertTrue(f.purged().length > 0 && f.purged().length <= 48, "purged " + f.purged().length);
            assertEquals(f.index() == 2 ? 0 : PurgedKFold.embargoLength(bars.length, 0.01), f.embargo().length);
        }
        assertEquals(bars.length, covered);
    }

    @Test
    void handCase() {
        // 9 samples, spans of 3 bars starting one bar apart: [1,3], [2,4], ... [9,11]
        int n = 9;
        int[] start = new int[n];
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            start[i] = i + 1;
            end[i] = i + 3;
        }
        List<PurgedKFold.Fold> folds = PurgedKFold.split(start, end, 3, 0.2); // embargo ceil(1.8) = 2
        PurgedKFold.Fold middle = folds.get(1);
        assertArrayEquals(new int[] {3, 4, 5}, middle.test()); // interval [4, 8]
        assertArrayEquals(new int[] {1, 2, 6, 7}, middle.purged()); // [2,4], [3,5] and [7,9], [8,10] overlap
        assertArrayEquals(new int[] {8}, middle.embargo()); // only one sample is left after the block
        assertArrayEquals(new int[] {0}, middle.train());
        PurgedKFold.Fold first = folds.get(0);
        assertArrayEquals(new int[] {0, 1, 2}, first.test()); // interval [1, 5]
        assertArrayEquals(new int[] {3, 4}, first.purged());
        assertArrayEquals(new int[] {5, 6}, first.embargo());
        assertArrayEquals(new int[] {7, 8}, first.train());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PurgedKFold.split(new int[] {1, 2}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PurgedKFold.split(new int[] {1, 2}, new int[] {2, 3}));
        assertThrows(IllegalArgumentException.class, () -> PurgedKFold.split(new int[] {2, 1, 3}, new int[] {2, 3, 4}));
        assertThrows(IllegalArgumentException.class, () -> PurgedKFold.split(new int[] {1, 2, 3}, new int[] {0, 3, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> PurgedKFold.split(new int[] {1, 2, 3}, new int[] {1, 2, 3}, 3, 1.0));
    }

    private static void check(int[] start, int[] end, List<PurgedKFold.Fold> folds) {
        int n = start.length;
        assertEquals(3, folds.size());
        int embargo = (int) Math.ceil(0.01 * n);
        int next = 0;
        for (PurgedKFold.Fold f : folds) {
            int[] test = f.test();
            // contiguous blocks that partition the samples, sizes within one of each other
            assertEquals(next, test[0]);
            for (int j = 1; j < test.length; j++) {
                assertEquals(test[j - 1] + 1, test[j]);
            }
            assertTrue(Math.abs(test.length - n / 3.0) < 1, "block size " + test.length + " of " + n);
            next = test[test.length - 1] + 1;
            // every sample in exactly one part
            int[] part = new int[n];
            java.util.Arrays.fill(part, -1);
            int[][] parts = {f.train(), f.test(), f.purged(), f.embargo()};
            for (int p = 0; p < parts.length; p++) {
                for (int i : parts[p]) {
                    assertEquals(-1, part[i], "sample " + i + " in two parts");
                    part[i] = p;
                }
            }
            for (int i = 0; i < n; i++) {
                assertTrue(part[i] >= 0, "sample " + i + " in no part");
            }
            int lo = start[test[0]];
            int hi = Integer.MIN_VALUE;
            for (int i : test) {
                hi = Math.max(hi, end[i]);
            }
            // the embargo: the first `embargo` unpurged samples after the block, as many as exist
            int b = test[test.length - 1] + 1;
            int firstFree = b;
            while (firstFree < n && part[firstFree] == 2) {
                firstFree++;
            }
            int expected = Math.min(embargo, n - firstFree);
            assertEquals(expected, f.embargo().length, "embargo length");
            for (int j = 0; j < expected; j++) {
                assertEquals(firstFree + j, f.embargo()[j]);
            }
            int guardedTo = expected > 0 ? Math.max(hi, start[f.embargo()[expected - 1]]) : hi;
            for (int i : f.train()) {
                assertFalse(start[i] <= guardedTo && end[i] >= lo, "training span [" + start[i] + ", " + end[i]
                        + "] touches the test block / embargo [" + lo + ", " + guardedTo + "]");
            }
            // purging is minimal: every purged span overlaps the test interval
            for (int i : f.purged()) {
                assertTrue(start[i] <= hi && end[i] >= lo, "sample " + i + " purged without overlap");
            }
        }
        assertEquals(n, next);
    }
}
