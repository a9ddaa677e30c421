package org.trellis.auditor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trellis-trained auditors: they learn, and they round-trip through their two files. */
class XgboostAuditorTest {
    static final List<String> INPUTS = List.of("rsi14", "atr14", "confidence", "direction");

    static float[][] rows(int n, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new float[] {(float) (r.nextDouble() * 100), (float) r.nextGaussian(), (float) r.nextDouble(),
                    r.nextBoolean() ? 1f : -1f};
        }
        return rows;
    }

    /** Profitable: buys at low RSI with high confidence, sells at high RSI, plus 10% label noise. */
    static int[] labels(float[][] rows, long seed) {
        Random r = new Random(seed);
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            boolean good = rows[i][3] > 0 ? rows[i][0] < 40 && rows[i][2] > 0.3 : rows[i][0] > 60;
            y[i] = (good ^ r.nextDouble() < 0.1) ? 1 : 0;
        }
        return y;
    }

    @Test
    void learnsMetaLabelsAndRoundTripsToIdenticalPredictions(@TempDir Path dir) {
        float[][] train = rows(2000, 1);
        float[][] test = rows(500, 2);
        int[] testLabels = labels(test, 3);
        Path file = dir.resolve("models/auditor.json");
        float[] before = new float[test.length];
        try (XgboostAuditor auditor = XgboostAuditor.train(train, labels(train, 4), INPUTS, XgboostAuditor.Settings.defaults(7))) {
            assertEquals(100, auditor.model().trees());
            int right = 0;
            for (int i = 0; i < test.length; i++) {
                before[i] = auditor.probability(test[i]);
                right += (before[i] > 0.5) == (testLabels[i] == 1) ? 1 : 0;
            }
            assertTrue(right > 0.8 * test.length, right + " of " + test.length + " right");
            auditor.save(file);
        }
        assertTrue(Files.isRegularFile(dir.resolve("models/auditor.inputs.json")));
        try (XgboostAuditor loaded = XgboostAuditor.load(file)) {
            assertEquals(INPUTS, loaded.inputs());
            for (int i = 0; i < test.length; i++) {
                assertEquals(before[i], loaded.probability(test[i]), 0f, "row " + i);
            }
        }
    }

    @Test
    void theSameDataAndSeedGiveTheSameModel() {
        float[][] train = rows(300, 1);
        int[] y = labels(train, 2);
        XgboostAuditor.Settings s = new XgboostAuditor.Settings(10, 3, 0.3, 11);
        try (XgboostAuditor a = XgboostAuditor.train(train, y, INPUTS, s); XgboostAuditor b = XgboostAuditor.train(train, y, INPUTS, s)) {
            for (float[] row : rows(50, 9)) {
                assertEquals(a.probability(row), b.probability(row), 0f);
            }
        }
    }

    @Test
    void badTrainingDataSaysWhatIsWrong() {
        float[][] train = rows(10, 1);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> XgboostAuditor.train(train, new int[9], INPUTS, XgboostAuditor.Settings.defaults(1)));
        assertTrue(count.getMessage().contains("one label per row"), count.getMessage());
        int[] y = new int[10];
        y[3] = 2;
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> XgboostAuditor.train(train, y, INPUTS, XgboostAuditor.Settings.defaults(1)));
        assertTrue(label.getMessage().contains("row 3 has label 2"), label.getMessage());
    }
}
