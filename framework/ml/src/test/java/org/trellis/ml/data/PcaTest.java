package org.trellis.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {
    private static FeatureMatrix matrix(List<String> names, double[][] rows) {
        long[] times = new long[rows.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 60_000L;
        }
        return FeatureMatrix.of(names, times, rows);
    }

    /** Four points on the axes: covariance diag(4.5, 0.5), so the first axis explains exactly 90%. */
    @Test
    void keepsTheFewestComponentsThatExplainTheShareComputedByHand() {
        FeatureMatrix m = matrix(List.of("a", "b"), new double[][] {{3, 0}, {-3, 0}, {0, 1}, {0, -1}});
        Pca ninety = Pca.fit(m, 0, 4, List.of("a", "b"), 0.9);
        assertEquals(List.of("pc1"), ninety.outputs());
        assertArrayEquals(new double[] {4.5}, ninety.eigenvalues(), 1e-12);
        assertEquals(0.9, ninety.explained(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, ninety.components()[0], 1e-12);
        Pca more = Pca.fit(m, 0, 4, List.of("a", "b"), 0.95);
        assertEquals(List.of("pc1", "pc2"), more.outputs());
        assertArrayEquals(new double[] {4.5, 0.5}, more.eigenvalues(), 1e-12);
        double[] out = new double[2];
        more.apply(new double[] {2, -0.5}, out);
        assertArrayEquals(new double[] {2, -0.5}, out, 1e-12);
    }

    /** A column that is twice another plus little noise: one component along (1, 2)/sqrt(5), sign fixed positive. */
    @Test
    void findsTheDirectionOfACorrelatedPairAndPassesOtherColumnsThrough() {
        Random random = new Random(5);
        double[][] rows = new double[2000][];
        for (int i = 0; i < rows.length; i++) {
            double x = random.nextGaussian() * 3 + 100;
            rows[i] = new double[] {x, 2 * x + random.nextGaussian() * 0.01, i % 24};
        }
        FeatureMatrix m = matrix(List.of("x", "y", "hour"), rows);
        Pca pca = Pca.fit(m, 0, rows.length, List.of("x", "y"), 0.95);
        assertEquals(List.of("pc1", "hour"), pca.outputs());
        assertArrayEquals(new double[] {1 / Math.sqrt(5), 2 / Math.sqrt(5)}, pca.components()[0], 1e-4);
        FeatureMatrix projected = pca.apply(m);
        assertEquals(List.of("pc1", "hour"), projected.names());
        for (int r = 0; r < 50; r++) {
            double expected = (rows[r][0] - pca.mean()[0]) / Math.sqrt(5) * 1 + (rows[r][1] - pca.mean()[1]) * 2 / Math.sqrt(5);
            assertEquals(expected, projected.get(r, 0), 1e-3);
            assertEquals(rows[r][2], projected.get(r, 1), 0);
        }
    }

    @Test
    void keepingEverythingPreservesTheDistanceFromTheMean() {
        Random random = new Random(9);
        double[][] rows = new double[500][];
        for (int i = 0; i < rows.length; i++) {
            double a = random.nextGaussian();
            rows[i] = new double[] {a, a + random.nextGaussian(), random.nextGaussian() * 5, -a};
        }
        FeatureMatrix m = matrix(List.of("a", "b", "c", "d"), rows);
        Pca pca = Pca.fit(m, 0, rows.length, m.names(), 1.0);
        assertEquals(3, pca.outputs().size(), "d = -a adds no variance of its own: 3 components carry all of it");
        double[] out = new double[3];
        for (double[] row : rows) {
            pca.apply(row, out);
            double inputSq = 0;
            for (int c = 0; c < 4; c++) {
                inputSq += (row[c] - pca.mean()[c]) * (row[c] - pca.mean()[c]);
            }
            assertEquals(inputSq, out[0] * out[0] + out[1] * out[1] + out[2] * out[2], 1e-6 * Math.max(1, inputSq));
        }
    }

    /** Fitted on the training rows only: whatever comes after them cannot change the fit. */
    @Test
    void rowsAfterTheTrainingSplitNeverReachTheFit() {
        Random random = new Random(2);
        double[][] rows = new double[300][];
        for (int i = 0; i < rows.length; i++) {
            double a = random.nextGaussian();
            rows[i] = new double[] {a, 0.5 * a + random.nextGaussian(), random.nextGaussian()};
        }
        List<String> names = List.of("a", "b", "c");
        Pca before = Pca.fit(matrix(names, rows), 0, 200, names, 0.95);
        for (int i = 200; i < rows.length; i++) {
            rows[i] = new double[] {1e6 * random.nextGaussian(), Double.NaN, 42};
        }
        Pca after = Pca.fit(matrix(names, rows), 0, 200, names, 0.95);
        assertEquals(before, after);
    }

    @Test
    void rowsWithAMissingValueAreSkippedWhenFittingAndProjectToNaN() {
        FeatureMatrix m = matrix(List.of("a", "b"), new double[][] {{3, 0}, {Double.NaN, 7}, {-3, 0}, {0, 1}, {0, -1}});
        Pca pca = Pca.fit(m, 0, 5, List.of("a", "b"), 0.95);
        assertArrayEquals(new double[] {4.5, 0.5}, pca.eigenvalues(), 1e-12);
        assertTrue(Float.isNaN(pca.apply(m).get(1, 0)));
    }

    @Test
    void aMissingPassThroughValueDoesNotDropTheRowFromTheFit() {
        FeatureMatrix m = matrix(List.of("a", "b", "t"), new double[][] {{3, 0, Double.NaN}, {-3, 0, 1}, {0, 1, 2}, {0, -1, 3}});
        assertArrayEquals(new double[] {4.5, 0.5}, Pca.fit(m, 0, 4, List.of("a", "b"), 0.95).eigenvalues(), 1e-12);
    }

    @Test
    void storedStatisticsThatCannotBeAreRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String ok = "{\"inputs\":[\"a\",\"b\"],\"projected\":[\"a\",\"b\"],\"mean\":[0,0],\"components\":[[1,0]],"
                + "\"eigenvalues\":[4.5],\"total\":5}";
        assertEquals(List.of("pc1"), json.readValue(ok, Pca.class).outputs());
        for (String bad : List.of(ok.replace("\"total\":5", "\"total\":0"), ok.replace("[\"a\",\"b\"],\"projected", "[\"a\",\"a\"],\"projected"),
                ok.replace("\"mean\":[0,0]", "\"mean\":[0,\"NaN\"]"), ok.replace(",\"mean\":[0,0]", ""))) {
            Exception e = assertThrows(Exception.class, () -> json.readValue(bad, Pca.class), bad);
            assertTrue(e.getMessage().contains("PCA"), e.getMessage());
        }
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        FeatureMatrix m = matrix(List.of("a", "b", "t"), new double[][] {{3, 0, 1}, {-3, 0.2, 2}, {0, 1, 3}, {0.1, -1, 4}});
        Pca pca = Pca.fit(m, 0, 4, List.of("a", "b"), 0.99);
        ObjectMapper json = new ObjectMapper();
        Pca back = json.readValue(json.writeValueAsString(pca), Pca.class);
        assertEquals(pca, back);
        assertEquals(pca.outputs(), back.outputs());
    }

    @Test
    void badSettingsAreRefusedWithAMessage() {
        FeatureMatrix m = matrix(List.of("a", "b"), new double[][] {{1, 1}, {1, 1}, {1, 1}});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pca.fit(m, 0, 3, List.of("a", "b"), 0)).getMessage()
                .contains("(0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pca.fit(m, 0, 3, List.of("a", "z"), 0.9)).getMessage()
                .contains("'z' is not among [a, b]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pca.fit(m, 0, 3, List.of("a", "b"), 0.9)).getMessage()
                .contains("constant"));
    }
}
