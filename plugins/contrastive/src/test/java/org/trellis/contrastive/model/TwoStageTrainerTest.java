package org.trellis.contrastive.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TwoStageTrainerTest {
    private static final int WINDOW = 6;
    private static final int MARKET = 3;
    private static final int FEATURES = MARKET + TransformerAgent.TIME_FEATURES;
    private static final TransformerAgentConfig TINY = new TransformerAgentConfig(16, 2, 1, 32, 0.1f, WINDOW, 3e-3, 8);

    /**
     * Two planted classes: in class 1 market column 0 rises across the window and column 1 sits above
     * zero, in class 0 the mirror image; every market value carries Gaussian noise of the same size as
     * the pattern (sd 1 against a ramp of +-1 and a level of +-0.5). The four time columns are the
     * sin/cos of a random hour and weekday, unrelated to the class.
     */
    static LabelledWindows planted(long seed, int count) {
        Random random = new Random(seed);
        float[] values = new float[count * WINDOW * FEATURES];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = random.nextInt(2);
            double sign = labels[n] == 1 ? 1 : -1;
            int hour = random.nextInt(24);
            int day = random.nextInt(7);
            for (int t = 0; t < WINDOW; t++) {
                int at = (n * WINDOW + t) * FEATURES;
                values[at] = (float) (sign * (2.0 * t / (WINDOW - 1) - 1) + random.nextGaussian());
                values[at + 1] = (float) (sign * 0.5 + random.nextGaussian());
                values[at + 2] = (float) random.nextGaussian();
                double h = 2 * Math.PI * ((hour + t) % 24) / 24.0;
                double w = 2 * Math.PI * day / 7.0;
                values[at + 3] = (float) Math.sin(h);
                values[at + 4] = (float) Math.cos(h);
                values[at + 5] = (float) Math.sin(w);
                values[at + 6] = (float) Math.cos(w);
            }
        }
        return new LabelledWindows(values, labels, WINDOW, FEATURES);
    }

    private static TwoStageTrainer.Settings settings(int contrastiveEpochs, TwoStageTrainer.ProbeLoss loss) {
        return new TwoStageTrainer.Settings(contrastiveEpochs, 30, 32, 1e-5, 1.0, 0.07f, 0.02, loss, 42);
    }

    private static double accuracy(ContrastiveModel model, LabelledWindows windows) {
        double[] p = model.probabilities(windows);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] > 0.5 ? 1 : 0) == windows.labels()[i]) {
                right++;
            }
        }
        return (double) right / p.length;
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void theProbeOnTheContrastiveEncoderSeparatesPlantedClasses(String engine) {
        LabelledWindows train = planted(1, 256);
        LabelledWindows test = planted(2, 200);
        for (TwoStageTrainer.ProbeLoss loss : TwoStageTrainer.ProbeLoss.values()) {
            TwoStageTrainer trainer = new TwoStageTrainer(engine, TINY, settings(6, loss));
            try (ContrastiveModel model = trainer.fit(train)) {
                double accuracy = accuracy(model, test);
                List<Double> supCon = trainer.contrastiveLosses();
                List<Double> probe = trainer.probeLosses();
                System.out.printf("%s probe %s: held-out accuracy %.3f (200 windows); SupCon per epoch %s; probe loss "
                        + "first %.4f last %.4f%n", engine, loss, accuracy, format(supCon), probe.get(0),
                        probe.get(probe.size() - 1));
                assertEquals(6, supCon.size());
                assertTrue(supCon.get(supCon.size() - 1) < supCon.get(0), "SupCon did not fall: " + supCon);
                assertTrue(probe.get(probe.size() - 1) < probe.get(0), "probe loss did not fall: " + probe);
                assertTrue(accuracy >= 0.75, "held-out accuracy " + accuracy + " vs chance 0.5");
            }
        }
        // for the record, not asserted: the same probe on the untrained (randomly initialised) encoder
        try (ContrastiveModel untrained = new TwoStageTrainer(engine, TINY, settings(0, TwoStageTrainer.ProbeLoss.BCE))
                .fit(train)) {
            System.out.printf("%s probe BCE on the untrained encoder: held-out accuracy %.3f%n", engine,
                    accuracy(untrained, test));
        }
    }

    /**
     * The contrastive stage never runs the direction and confidence heads: they are frozen while it
     * trains (on PyTorch an untouched parameter's gradient is uninitialised memory, which once made
     * the global norm NaN and every later step was dropped), and no step is dropped.
     */
    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void theHeadsTheContrastiveStageDoesNotUseAreFrozenAndNoStepIsDropped(String engine) {
        TwoStageTrainer trainer = new TwoStageTrainer(engine, TINY, settings(3, TwoStageTrainer.ProbeLoss.BCE));
        try (ContrastiveModel model = trainer.stage1(planted(1, 256))) {
            int heads = 0;
            for (Pair<String, Parameter> p : model.agent().getParameters()) {
                boolean head = p.getKey().contains("direction") || p.getKey().contains("confidence");
                if (head) {
                    heads++;
                    assertFalse(p.getValue().requiresGradient(), p.getKey() + " is frozen");
                } else {
                    assertTrue(p.getValue().requiresGradient(), p.getKey() + " trains");
                }
            }
            assertEquals(4, heads, "two heads, weight and bias each");
            assertEquals(0, trainer.skippedSteps());
        }
    }

    /**
     * The contrastive stage stops {@value TwoStageTrainer#CONTRASTIVE_PATIENCE} epochs after the epoch
     * with the lowest validation SupCon loss and keeps that epoch's weights: with coin-flip validation
     * labels no representation keeps improving there, so it stops well before its 40 epochs.
     */
    @Test
    void theContrastiveStageStopsEarlyOnValidationWindowsAndKeepsItsBestEpoch() {
        LabelledWindows train = planted(1, 256);
        LabelledWindows noise = planted(3, 128);
        Random random = new Random(4);
        int[] flipped = noise.labels().clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = random.nextInt(2);
        }
        LabelledWindows validation = new LabelledWindows(noise.values(), flipped, WINDOW, FEATURES);
        TwoStageTrainer trainer = new TwoStageTrainer("PyTorch", TINY, settings(40, TwoStageTrainer.ProbeLoss.BCE));
        try (ContrastiveModel model = trainer.stage1(train, validation)) {
            int ran = trainer.contrastiveLosses().size();
            assertTrue(ran < 40, "stopped early: " + ran + " epochs");
            assertEquals(trainer.bestContrastiveEpoch() + TwoStageTrainer.CONTRASTIVE_PATIENCE, ran);
            assertNotNull(model.agent());
        }
        TwoStageTrainer plain = new TwoStageTrainer("PyTorch", TINY, settings(3, TwoStageTrainer.ProbeLoss.BCE));
        try (ContrastiveModel model = plain.stage1(train)) {
            assertEquals(3, plain.contrastiveLosses().size(), "without validation windows every epoch runs");
            assertEquals(0, plain.bestContrastiveEpoch());
        }
    }

    /**
     * Validation windows whose labels are coin flips: every probe epoch fits noise as far as they can
     * tell, so the probe stops {@value TwoStageTrainer#PROBE_PATIENCE} epochs after its best and keeps
     * that epoch, whose validation loss no later epoch beat.
     */
    @Test
    void theProbeStopsEarlyOnValidationWindowsAndKeepsItsBestEpoch() {
        LabelledWindows train = planted(1, 256);
        LabelledWindows noise = planted(3, 200);
        Random random = new Random(4);
        int[] flipped = noise.labels().clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = random.nextInt(2);
        }
        LabelledWindows validation = new LabelledWindows(noise.values(), flipped, WINDOW, FEATURES);
        TwoStageTrainer.Settings s = new TwoStageTrainer.Settings(2, 200, 32, 1e-5, 1.0, 0.07f, 0.05,
                TwoStageTrainer.ProbeLoss.BCE, 42);
        TwoStageTrainer early = new TwoStageTrainer("PyTorch", TINY, s);
        double keptLoss;
        try (ContrastiveModel model = early.fit(train, validation)) {
            assertTrue(early.probeStoppedAt() > 0 && early.probeStoppedAt() < 200, "stopped at " + early.probeStoppedAt());
            assertEquals(early.probeStoppedAt() - TwoStageTrainer.PROBE_PATIENCE, early.bestProbeEpoch());
            keptLoss = logLoss(model.probabilities(validation), flipped);
        }
        TwoStageTrainer full = new TwoStageTrainer("PyTorch", TINY, s);
        try (ContrastiveModel model = full.fit(train)) {
            assertEquals(0, full.bestProbeEpoch());
            assertEquals(200, full.probeLosses().size());
            double lastLoss = logLoss(model.probabilities(validation), flipped);
            assertTrue(keptLoss <= lastLoss, "kept " + keptLoss + " vs after every epoch " + lastLoss);
        }
    }

    private static double logLoss(double[] p, int[] labels) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
            sum -= labels[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    private static String format(List<Double> values) {
        StringBuilder out = new StringBuilder("[");
        for (double v : values) {
            out.append(out.length() > 1 ? ", " : "").append(String.format("%.3f", v));
        }
        return out.append(']').toString();
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void theSecondStageLeavesTheEncoderBitIdentical(String engine) {
        LabelledWindows train = planted(3, 96);
        TwoStageTrainer trainer = new TwoStageTrainer(engine, TINY, settings(1, TwoStageTrainer.ProbeLoss.FOCAL));
        try (ContrastiveModel model = trainer.stage1(train)) {
            Map<String, int[]> before = snapshot(model);
            assertTrue(before.size() > 10, "every parameter of the agent is compared");
            float[][] embeddings = model.embeddings(train);
            LinearProbe probe = trainer.stage2(model, train);
            assertNotNull(model.probe());
            assertEquals(TINY.dModel(), probe.weights().length);
            Map<String, int[]> after = snapshot(model);
            assertEquals(before.keySet(), after.keySet());
            for (String name : before.keySet()) {
                assertArrayEquals(before.get(name), after.get(name), "parameter " + name + " changed in stage 2");
            }
            float[][] again = model.embeddings(train);
            for (int i = 0; i < embeddings.length; i++) {
                assertArrayEquals(embeddings[i], again[i], 0f);
            }
        }
    }

    /** Every parameter of the agent, as exact float bit patterns. */
    private static Map<String, int[]> snapshot(ContrastiveModel model) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.agent().getParameters()) {
            float[] values = p.getValue().getArray().toFloatArray();
            int[] bits = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                bits[i] = Float.floatToRawIntBits(values[i]);
            }
            out.put(p.getKey(), bits);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("org.trellis.contrastive.model.ModelTesting#engines")
    void aRunIsReproducibleFromItsSeed(String engine) {
        LabelledWindows train = planted(4, 64);
        float[] first;
        try (ContrastiveModel model = new TwoStageTrainer(engine, TINY, settings(1, TwoStageTrainer.ProbeLoss.BCE))
                .fit(train)) {
            first = model.probe().weights();
        }
        try (ContrastiveModel model = new TwoStageTrainer(engine, TINY, settings(1, TwoStageTrainer.ProbeLoss.BCE))
                .fit(train)) {
            assertArrayEquals(first, model.probe().weights(), 0f);
        }
        TwoStageTrainer.Settings other = new TwoStageTrainer.Settings(1, 30, 32, 1e-5, 1.0, 0.07f, 0.02,
                TwoStageTrainer.ProbeLoss.BCE, 43);
        try (ContrastiveModel model = new TwoStageTrainer(engine, TINY, other).fit(train)) {
            assertFalse(java.util.Arrays.equals(first, model.probe().weights()), "another seed, another model");
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LabelledWindows(new float[5], new int[] {0}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new TwoStageTrainer.Settings(1, 1, 1, 0, 0, 0.07f, 0.01,
                TwoStageTrainer.ProbeLoss.BCE, 1));
        LabelledWindows threeClasses = new LabelledWindows(new float[3 * WINDOW * FEATURES], new int[] {0, 1, 2},
                WINDOW, FEATURES);
        TwoStageTrainer trainer = new TwoStageTrainer("PyTorch", TINY, settings(0, TwoStageTrainer.ProbeLoss.BCE));
        try (ContrastiveModel model = trainer.stage1(threeClasses)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trainer.stage2(model, threeClasses));
            assertTrue(e.getMessage().contains("0 or 1"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> model.probabilities(threeClasses));
        }
    }
}
