package org.trellis.runtime.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
    private static final int MAX = 2000;

    @Test
    void millionPointsKeepGlobalExtremesSpikesAndEndsWithinTheBound() {
        int n = 1_000_000;
        double[] y = randomWalk(n, 7);
        y[123_457] = 1e6; // an isolated one-point spike up
        y[876_543] = -1e6; // and down
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_000_000_000L + i * 60_000L;
        }
        int[] keep = Downsampler.minMax(n, i -> t[i], i -> y[i], MAX);

        assertTrue(keep.length <= MAX, "kept " + keep.length);
        assertTrue(keep.length > MAX - 10, "uses its budget: " + keep.length);
        for (int k = 1; k < keep.length; k++) {
            assertTrue(keep[k] > keep[k - 1], "ascending and distinct");
        }
        assertEquals(0, keep[0]);
        assertEquals(n - 1, keep[keep.length - 1]);
        assertTrue(contains(keep, 123_457), "spike up kept");
        assertTrue(contains(keep, 876_543), "spike down kept");
    }

    @Test
    void keepsTheGlobalMinimumAndMaximumOfAnySeries() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int round = 0; round < 50; round++) {
            int n = 2_001 + rnd.nextInt(200_000);
            double[] y = randomWalk(n, round);
            long[] t = new long[n];
            long now = 0;
            for (int i = 0; i < n; i++) {
                now += 1 + (rnd.nextInt(100) == 0 ? rnd.nextInt(10_000) : 0); // uneven spacing, with gaps
                t[i] = now;
            }
            int max = 4 + rnd.nextInt(3000);
            int[] keep = Downsampler.minMax(n, i -> t[i], i -> y[i], max);
            assertTrue(keep.length <= max);
            int lo = 0;
            int hi = 0;
            for (int i = 1; i < n; i++) {
                lo = y[i] < y[lo] ? i : lo;
                hi = y[i] > y[hi] ? i : hi;
            }
            double keptMin = Arrays.stream(keep).mapToDouble(i -> y[i]).min().orElseThrow();
            double keptMax = Arrays.stream(keep).mapToDouble(i -> y[i]).max().orElseThrow();
            assertEquals(y[lo], keptMin, "global minimum kept, round " + round);
            assertEquals(y[hi], keptMax, "global maximum kept, round " + round);
        }
    }

    @Test
    void shortSeriesAreKeptWholeAndNonFiniteValuesDropped() {
        double[] y = {1, Double.NaN, 3, Double.POSITIVE_INFINITY, 5};
        assertArrayEquals(new int[] {0, 2, 4}, Downsampler.minMax(y.length, i -> i, i -> y[i], MAX));
        double[] flat = new double[10_000];
        int[] keep = Downsampler.minMax(flat.length, i -> 0L, i -> flat[i], 100); // no time span at all
        assertTrue(keep.length <= 100 && keep[0] == 0 && keep[keep.length - 1] == flat.length - 1);
    }

    private static boolean contains(int[] a, int v) {
        return Arrays.binarySearch(a, v) >= 0;
    }

    private static double[] randomWalk(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        double v = 100;
        for (int i = 0; i < n; i++) {
            v += rnd.nextDouble() - 0.5;
            y[i] = v;
        }
        return y;
    }
}
