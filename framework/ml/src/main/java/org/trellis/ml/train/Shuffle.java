package org.trellis.ml.train;

import java.util.SplittableRandom;

/** The seeded shuffles training loops draw their minibatch order from. */
public final class Shuffle {
    private Shuffle() {
    }

    /** Fills {@code order} with 0..n-1 in a random order (Fisher-Yates), drawn from {@code random} only. */
    public static void permutation(int[] order, SplittableRandom random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
