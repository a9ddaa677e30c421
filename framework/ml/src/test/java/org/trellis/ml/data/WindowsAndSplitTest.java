package org.trellis.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsAndSplitTest {
    /** Row r holds (r, 10r); the first two rows are warm-up (NaN). */
    private static FeatureMatrix matrix(int rows) {
        double[][] values = new double[rows][];
        long[] times = new long[rows];
        for (int r = 0; r < rows; r++) {
            values[r] = r < 2 ? new double[] {Double.NaN, Double.NaN} : new double[] {r, 10 * r};
            times[r] = r * 60_000L;
        }
        return FeatureMatrix.of(List.of("a", "b"), times, values);
    }

    @Test
    void labelsLookExactlyHorizonBarsAhead() {
        // the window ending at t is labelled by the bar after it: close[t + 1 + h] > close[t + 1]
        byte[] labels = HorizonLabels.upDown(new double[] {1, 2, 1, 3, 3}, 2);
        assertArrayEquals(new byte[] {1, 1, -1, -1, -1}, labels);
        assertArrayEquals(new byte[] {0, -1, -1}, HorizonLabels.upDown(new double[] {5, 4, 4}, 1), "a tie is down");
        assertThrows(IllegalArgumentException.class, () -> HorizonLabels.upDown(new double[] {1}, 0));
    }

    @Test
    void windowsAreViewsThatStartAfterTheWarmUpAndCarryTheLabelOfTheirLastRow() {
        FeatureMatrix m = matrix(10);
        byte[] labels = new byte[10];
        for (int i = 0; i < 10; i++) {
            labels[i] = (byte) (i % 2);
        }
        labels[9] = HorizonLabels.UNKNOWN;
        SequenceWindows w = SequenceWindows.over(m, 3, labels);
        assertEquals(5, w.size(), "ends 4..8: rows 2.. are complete, 3 rows each, row 9 unlabelled");
        assertEquals(4, w.end(0));
        assertEquals(0, w.label(0));
        float[] out = new float[6];
        w.copy(0, out, 0);
        assertArrayEquals(new float[] {2, 20, 3, 30, 4, 40}, out, "oldest row first, features inner");
    }

    @Test
    void aMissingValueMidSeriesExcludesOnlyTheWindowsThatContainIt() {
        FeatureMatrix m = matrix(12);
        m.values()[6 * 2] = Float.NaN; // row 6
        SequenceWindows w = SequenceWindows.over(m, 3, new byte[12]);
        int[] ends = new int[w.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = w.end(i);
        }
        assertArrayEquals(new int[] {4, 5, 9, 10, 11}, ends, "rows 2..5 and 7..11 are complete");
    }

    @Test
    void theSplitIsChronologicalAndEmbargoesLabelsThatReachIntoTheNextPart() {
        FeatureMatrix m = matrix(1002);
        byte[] labels = HorizonLabels.upDown(new double[1002], 5);
        SequenceWindows w = SequenceWindows.over(m, 1, labels);
        ChronologicalSplit split = ChronologicalSplit.of(w, 5);
        int trainLast = split.train().end(split.train().size() - 1);
        int validationFirst = split.validation().end(0);
        int validationLast = split.validation().end(split.validation().size() - 1);
        int testFirst = split.test().end(0);
        assertTrue(trainLast + HorizonLabels.reach(5) < validationFirst,
                "a training label (bars up to end + 1 + 5) never reaches a validation bar");
        assertTrue(validationLast + HorizonLabels.reach(5) < testFirst);
        assertEquals(split.train().end(0), split.trainRowsFrom());
        assertEquals(trainLast + 1, split.trainRowsTo());
        assertThrows(IllegalArgumentException.class, () -> ChronologicalSplit.of(w.slice(0, 5), 5), "too little data");
    }

    @Test
    void theScalerIsFittedOnTheRowsItIsGivenAndRefusesWarmUpRows() {
        FeatureMatrix m = matrix(12);
        Scaler s = Scaler.fit(m, 2, 7);
        assertArrayEquals(new double[] {4, 40}, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2), s.std()[0], 1e-12, "population deviation of 2..6");
        assertEquals(s, Scaler.fit(m, 0, 7), "rows with missing values are skipped");
        assertThrows(IllegalArgumentException.class, () -> Scaler.fit(m, 0, 2), "no complete rows");
        s.applyInPlace(m);
        assertEquals(0f, m.get(4, 0), 1e-6);
        assertEquals((11 - 4) / Math.sqrt(2), m.get(11, 0), 1e-5, "later rows scaled with training statistics");
        Scaler constant = Scaler.fit(FeatureMatrix.of(List.of("c"), new long[] {1, 2, 3}, new double[][] {{5}, {5}, {5}}), 0, 3);
        assertEquals(1.0, constant.std()[0], "a constant feature keeps a finite scale");
    }
}
