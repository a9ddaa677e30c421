package org.trellis.rl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trellis.rl.io.SafetensorsReader;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;

/**
 * The upstream Phase-5 fixtures (data/lacuna): weights, reward statistics, and the float64 reference
 * outputs computed outside Trellis.
 */
public final class Lacuna {
    public static final Path DIR = Path.of("../../data/lacuna");
    public static final Path WEIGHTS = DIR.resolve("rl_model.safetensors");
    public static final Path STATS = DIR.resolve("rl_model_stats.npz");
    public static final Path REFERENCE = DIR.resolve("reference_outputs.json");

    /** One reference case: a 5x18 history (flattened, oldest first), the probabilities and the value. */
    public record Case(float[] history, double[] probabilities, double value) {
    }

    private Lacuna() {
    }

    public static AgentWeights weights() {
        return AgentWeights.of(AgentSizes.PHASE5, SafetensorsReader.read(WEIGHTS), WEIGHTS.toString());
    }

    public static List<Case> cases() {
        try {
            JsonNode root = new ObjectMapper().readTree(REFERENCE.toFile());
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                float[] history = new float[AgentSizes.PHASE5.historyValues()];
                int i = 0;
                for (JsonNode row : c.get("history")) {
                    for (JsonNode v : row) {
                        history[i++] = (float) v.asDouble();
                    }
                }
                double[] p = new double[3];
                for (int a = 0; a < 3; a++) {
                    p[a] = c.get("probs_hold_buy_sell").get(a).asDouble();
                }
                cases.add(new Case(history, p, c.get("value").asDouble()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
