package org.trellis.contrastive.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both losses against values computed here in plain double arithmetic, on both engines. */
class LossesTest {
    private static final float T = 0.07f;

    /** Four unit vectors of dimension 2. */
    private static final double[][] Z = unit(new double[][] {{1, 0.2}, {0.8, 0.5}, {-0.3, 1}, {0.1, -1}});

    private static double[][] unit(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double norm = Math.hypot(rows[i][0], rows[i][1]);
            out[i] = new double[] {rows[i][0] / norm, rows[i][1] / norm};
        }
        return out;
    }

    /** The SupCon formula, literally, in doubles. */
    private static double supCon(double[][] z, int[] labels, double t) {
        double total = 0;
        int anchors = 0;
        for (int i = 0; i < z.length; i++) {
            double denominator = 0;
            for (int a = 0; a < z.length; a++) {
                if (a != i) {
                    denominator += Math.exp(dot(z[i], z[a]) / t);
                }
            }
            double sum = 0;
            int positives = 0;
            for (int p = 0; p < z.length; p++) {
                if (p != i && labels[p] == labels[i]) {
                    sum += Math.log(Math.exp(dot(z[i], z[p]) / t) / denominator);
                    positives++;
                }
            }
            if (positives > 0) {
                total += -sum / positives;
                anchors++;
            }
        }
        return anchors == 0 ? 0 : total / anchors;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }

    private static NDArray embeddings(NDManager manager, double[][] z) {
        float[] values = new float[z.length * 2];
        for (int i = 0; i < z.length; i++) {
            values[2 * i] = (float) z[i][0];
            values[2 * i + 1] = (float) z[i][1];
        }
        return manager.create(values, new Shape(z.length, 2));
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void supConEqualsTheHandComputedValue(String engine) {
        int[] labels = {0, 0, 1, 1};
        double expected = supCon(Z, labels, T);
        try (Model model = ModelTesting.model(engine, null)) {
            NDManager manager = model.getNDManager();
            NDArray loss = new SupConLoss().evaluate(new NDList(manager.create(labels)),
                    new NDList(embeddings(manager, Z)));
            assertEquals(new Shape(), loss.getShape());
            // loss values near 1..10 in float32: relative error ~1e-7
            assertEquals(expected, loss.getFloat(), 1e-5 * Math.max(1, Math.abs(expected)));
            System.out.printf("%s SupCon [0,0,1,1] T=0.07: expected %.7f, got %.7f%n", engine, expected, loss.getFloat());
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void anchorsWithoutPositivesAreSkipped(String engine) {
        int[] labels = {0, 0, 1, 2};
        double expected = supCon(Z, labels, T);
        // only anchors 0 and 1 count: the mean is over 2 anchors, not 4
        double anchor0 = -Math.log(Math.exp(dot(Z[0], Z[1]) / T) / (Math.exp(dot(Z[0], Z[1]) / T)
                + Math.exp(dot(Z[0], Z[2]) / T) + Math.exp(dot(Z[0], Z[3]) / T)));
        double anchor1 = -Math.log(Math.exp(dot(Z[1], Z[0]) / T) / (Math.exp(dot(Z[1], Z[0]) / T)
                + Math.exp(dot(Z[1], Z[2]) / T) + Math.exp(dot(Z[1], Z[3]) / T)));
        assertEquals((anchor0 + anchor1) / 2, expected, 1e-12);
        try (Model model = ModelTesting.model(engine, null)) {
            NDManager manager = model.getNDManager();
            float got = SupConLoss.compute(embeddings(manager, Z), manager.create(labels), T).getFloat();
            assertEquals(expected, got, 1e-5 * Math.max(1, Math.abs(expected)));
            float none = SupConLoss.compute(embeddings(manager, Z), manager.create(new int[] {0, 1, 2, 3}), T)
                    .getFloat();
            assertEquals(0f, none, 0f, "no anchor has a positive");
        }
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void supConIsStableAtLowTemperatureAndDifferentiable(String engine) {
        int[] labels = {0, 0, 1, 1};
        double expected = supCon(Z, labels, 0.01);
        try (Model model = ModelTesting.model(engine, null)) {
            NDManager manager = model.getNDManager();
            NDArray z = embeddings(manager, Z);
            // at T = 0.01 exp(z.z / T) overflows float32 without the row-max shift
            NDArray cold = SupConLoss.compute(z, manager.create(labels), 0.01f);
            assertTrue(Float.isFinite(cold.getFloat()));
            assertEquals(expected, cold.getFloat(), 1e-5 * Math.max(1, Math.abs(expected)));
            z.setRequiresGradient(true);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                collector.backward(SupConLoss.compute(z, manager.create(labels), T));
            }
            NDArray gradient = z.getGradient();
            assertNotNull(gradient);
            float[] g = gradient.toFloatArray();
            double norm = 0;
            for (float v : g) {
                assertTrue(Float.isFinite(v));
                norm += v * v;
            }
            assertTrue(norm > 0, "the loss must send a gradient to the embeddings");
        }
    }

    @Test
    void temperatureIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SupConLoss("s", 0f));
        assertThrows(IllegalArgumentException.class, () -> new SupConLoss("s", Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new FocalLoss("f", 1f, -1f));
    }

    private static double focal(double x, double y, double alpha, double gamma) {
        double p = 1 / (1 + Math.exp(-x));
        double pt = y == 1 ? p : 1 - p;
        return alpha * Math.pow(1 - pt, gamma) * -Math.log(pt);
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void focalEqualsTheHandComputedValue(String engine) {
        float[] logits = {2.5f, -1.2f, 0.3f, -3f, 0f, 4f};
        float[] labels = {1f, 0f, 0f, 1f, 1f, 0f};
        double expected = 0;
        double bce = 0;
        for (int i = 0; i < logits.length; i++) {
            expected += focal(logits[i], labels[i], 1, 2) / logits.length;
            bce += focal(logits[i], labels[i], 1, 0) / logits.length;
        }
        try (Model model = ModelTesting.model(engine, null)) {
            NDManager manager = model.getNDManager();
            NDList y = new NDList(manager.create(labels));
            NDList x = new NDList(manager.create(logits));
            assertEquals(expected, new FocalLoss().evaluate(y, x).getFloat(), 1e-6);
            assertEquals(bce, new FocalLoss("f", 1f, 0f).evaluate(y, x).getFloat(), 1e-6, "gamma 0 is BCE");
            assertEquals(0.5 * expected, new FocalLoss("f", 0.5f, 2f).evaluate(y, x).getFloat(), 1e-6);
            // far-out logits stay finite (stable BCE)
            float extreme = new FocalLoss().evaluate(new NDList(manager.create(new float[] {1f, 0f})),
                    new NDList(manager.create(new float[] {-200f, 200f}))).getFloat();
            assertEquals(200.0, extreme, 1e-3);
        }
    }
}
