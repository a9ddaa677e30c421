package org.trellis.rl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.rl.Lacuna;
import org.trellis.rl.io.SafetensorsReader;
import org.trellis.rl.io.Tensor;

/** The agent's model folder: exact round trip, and refusal of weights that do not fit or were changed. */
class AgentModelTest {
    @Test
    void savedWeightsAndStatisticsReopenExactly(@TempDir Path dir) {
        AgentWeights upstream = Lacuna.weights();
        RewardStats stats = UpstreamStats.read(Lacuna.STATS, AgentSizes.PHASE5);
        AgentModel.save(dir, upstream, stats, "upstream", "test");
        AgentModel reopened = AgentModel.open(dir);
        assertEquals(stats, reopened.rewardStats());
        assertEquals(24325, reopened.rewardStats().count());
        assertEquals(AgentSizes.PHASE5, reopened.weights().sizes());
        assertEquals(StateFeatures.NAMES, reopened.metadata().features());
        assertEquals(5, reopened.metadata().intParameter("history"));
        List<Tensor> before = List.copyOf(upstream.tensors());
        List<Tensor> after = List.copyOf(reopened.weights().tensors());
        for (int i = 0; i < before.size(); i++) {
            assertTrue(before.get(i).sameBits(after.get(i)), before.get(i).name());
        }
    }

    @Test
    void aFlippedByteInTheWeightsIsRefusedByItsChecksum(@TempDir Path dir) throws Exception {
        AgentModel.save(dir, Lacuna.weights(), null, "upstream", "test");
        Path weights = ModelDirectory.open(dir, "").weightsFile();
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        String message = assertThrows(ModelException.class, () -> AgentModel.open(dir)).getMessage();
        assertTrue(message.contains(weights.toString()) && message.contains("do not match"), message);
    }

    @Test
    void missingExtraAndMisShapedTensorsAreNamed() {
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafetensorsReader.read(Lacuna.WEIGHTS));
        Map<String, Tensor> missing = new LinkedHashMap<>(tensors);
        missing.remove("critic.ln2.bias");
        assertRefused(missing, "tensor 'critic.ln2.bias' [96] is missing");
        Map<String, Tensor> extra = new LinkedHashMap<>(tensors);
        extra.put("actor.fc4.weight", new Tensor("actor.fc4.weight", new int[] {1}, new float[] {0}));
        assertRefused(extra, "unexpected tensor(s) [actor.fc4.weight]");
        Map<String, Tensor> misShaped = new LinkedHashMap<>(tensors);
        misShaped.put("actor.fc3.weight", new Tensor("actor.fc3.weight", new int[] {64, 3}, tensors.get("actor.fc3.weight").values()));
        assertRefused(misShaped, "tensor 'actor.fc3.weight' has shape [64, 3] but the agent");
    }

    @Test
    void statisticsOfAnotherArchitectureAreRefused() {
        AgentSizes wider = new AgentSizes(18, 5, 64, 32, 128, 96, 3);
        String message = assertThrows(IllegalArgumentException.class, () -> UpstreamStats.read(Lacuna.STATS, wider)).getMessage();
        assertTrue(message.contains("'hidden_size' is 64") && message.contains("actorHidden 128"), message);
    }

    private static void assertRefused(Map<String, Tensor> tensors, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> AgentWeights.of(AgentSizes.PHASE5, tensors, "w.safetensors"))
                .getMessage();
        assertTrue(message.startsWith("w.safetensors: ") && message.contains(expected), message);
    }
}
