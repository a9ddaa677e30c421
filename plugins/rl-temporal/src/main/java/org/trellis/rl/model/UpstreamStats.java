package org.trellis.rl.model;

import java.nio.file.Path;
import java.util.Map;
import org.trellis.rl.io.NpyArray;
import org.trellis.rl.io.NpzReader;

/**
 * The upstream agent's {@code rl_model_stats.npz}: its reward statistics, and the sizes it was saved
 * with, which must be the sizes of the weights being imported beside it.
 */
public final class UpstreamStats {
    /** The size arrays upstream saves, and the {@link AgentSizes} component each must equal. */
    private static final Map<String, String> SIZE_ARRAYS = Map.of(
            "input_dim", "features", "history_len", "history", "temporal_dim", "temporal",
            "hidden_size", "actorHidden", "critic_hidden_size", "criticHidden");

    private UpstreamStats() {
    }

    /**
     * The reward statistics of {@code file}, after checking that the sizes it records are {@code sizes}.
     *
     * @throws IllegalArgumentException naming the file and the missing or mismatched array
     */
    public static RewardStats read(Path file, AgentSizes sizes) {
        Map<String, NpyArray> arrays = NpzReader.read(file);
        for (Map.Entry<String, String> size : SIZE_ARRAYS.entrySet()) {
            NpyArray array = arrays.get(size.getKey());
            if (array != null && array.scalar() != expected(sizes, size.getValue())) {
                throw new IllegalArgumentException(file + ": array '" + size.getKey() + "' is " + (long) array.scalar()
                        + " but the weights are of an agent with " + size.getValue() + " " + expected(sizes, size.getValue()));
            }
        }
        return new RewardStats(scalar(arrays, "reward_mean", file), scalar(arrays, "reward_std", file),
                (long) scalar(arrays, "reward_count", file));
    }

    private static int expected(AgentSizes sizes, String component) {
        return switch (component) {
            case "features" -> sizes.features();
            case "history" -> sizes.history();
            case "temporal" -> sizes.temporal();
            case "actorHidden" -> sizes.actorHidden();
            default -> sizes.criticHidden();
        };
    }

    private static double scalar(Map<String, NpyArray> arrays, String name, Path file) {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException(file + " has no array '" + name + "' (has " + arrays.keySet() + ")");
        }
        try {
            return array.scalar();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
