package org.trellis.rl.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.rl.Lacuna;

/** The plain-Java forward pass of the upstream weights against the float64 reference computed outside Trellis. */
class DecisionNetworkTest {
    static final double TOLERANCE = 1e-5;

    @Test
    void reproducesTheReferenceProbabilitiesAndValuesOfAllTwentyCases() {
        DecisionNetwork network = new DecisionNetwork(Lacuna.weights());
        List<Lacuna.Case> cases = Lacuna.cases();
        assertEquals(20, cases.size());
        float[] p = new float[3];
        for (int c = 0; c < cases.size(); c++) {
            Lacuna.Case expected = cases.get(c);
            network.actionProbabilities(expected.history(), 0, p);
            for (int a = 0; a < 3; a++) {
                assertEquals(expected.probabilities()[a], p[a], TOLERANCE, "case " + c + " action " + a);
            }
            assertEquals(expected.value(), network.value(expected.history(), 0), TOLERANCE, "case " + c + " value");
        }
    }

    @Test
    void readsAHistoryAtAnOffsetAndRefusesOneThatDoesNotFit() {
        DecisionNetwork network = new DecisionNetwork(Lacuna.weights());
        Lacuna.Case second = Lacuna.cases().get(1);
        float[] padded = new float[7 + network.historyValues()];
        System.arraycopy(second.history(), 0, padded, 7, network.historyValues());
        assertEquals(second.value(), network.value(padded, 7), TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> network.value(padded, 8));
    }

    @Test
    void tanhMatchesTheLibraryAcrossItsRange() {
        for (double x = -30; x <= 30; x += 0.01) {
            assertEquals(Math.tanh(x), LayerNormTanh.tanh(x), 1e-15, "tanh(" + x + ")");
        }
    }
}
