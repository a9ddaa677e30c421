package org.trellis.rl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.rl.Lacuna;
import org.trellis.rl.io.Tensor;
import org.trellis.rl.model.AgentWeights;

/** The DJL networks, loaded with the upstream weights, on each engine against the float64 reference. */
class AgentNetworksTest {
    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void reproduceTheReferenceOnEachEngine(String engine) {
        List<Lacuna.Case> cases = Lacuna.cases();
        float[] histories = new float[cases.size() * 90];
        for (int c = 0; c < cases.size(); c++) {
            System.arraycopy(cases.get(c).history(), 0, histories, c * 90, 90);
        }
        try (AgentNetworks networks = AgentNetworks.of(Lacuna.weights(), engine)) {
            AgentOutputs out = networks.forward(histories, cases.size());
            for (int c = 0; c < cases.size(); c++) {
                for (int a = 0; a < 3; a++) {
                    assertEquals(cases.get(c).probabilities()[a], out.probabilities()[c * 3 + a], 1e-5, engine + " case " + c + " action " + a);
                }
                assertEquals(cases.get(c).value(), out.values()[c], 1e-5, engine + " case " + c + " value");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void giveBackTheLoadedWeightsBitForBit(String engine) {
        AgentWeights upstream = Lacuna.weights();
        try (AgentNetworks networks = AgentNetworks.of(upstream, engine)) {
            List<Tensor> back = List.copyOf(networks.weights().tensors());
            List<Tensor> original = List.copyOf(upstream.tensors());
            assertEquals(original.size(), back.size());
            for (int i = 0; i < original.size(); i++) {
                assertTrue(original.get(i).sameBits(back.get(i)), original.get(i).name());
            }
        }
    }
}
