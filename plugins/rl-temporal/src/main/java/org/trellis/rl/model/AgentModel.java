package org.trellis.rl.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.rl.io.SafetensorsReader;
import org.trellis.rl.io.SafetensorsWriter;

/**
 * A saved agent: a Trellis model directory whose checksummed weights file is a safetensors image with
 * the upstream tensor names (so export is a plain re-serialisation), and whose model.json records the
 * sizes, the 18 feature names and the reward statistics ({@code hyperparameters.reward_stats}; absent
 * when none were imported).
 */
public record AgentModel(Path dir, ModelMetadata metadata, AgentWeights weights, RewardStats rewardStats) {
    public static final String FAMILY = "rl-temporal";
    public static final String ARCHITECTURE = "ppo-temporal-actor-critic";
    private static final String REWARD_STATS = "reward_stats";
    private static final String HOW_TO_MAKE = "./trellis train rl-temporal --out DIR, or import the upstream weights: "
            + "./trellis rl import data/lacuna/rl_model.safetensors --out ";

    /**
     * Saves weights and reward statistics as a model directory.
     *
     * @param rewardStats    {@code null} when unknown
     * @param source         where the weights came from, recorded as the model's data source
     * @param trellisVersion the running Trellis version
     */
    public static AgentModel save(Path dir, AgentWeights weights, RewardStats rewardStats, String source, String trellisVersion) {
        return save(dir, weights, rewardStats, source, null, null, trellisVersion);
    }

    /**
     * Saves weights and reward statistics as a model directory, with the period the agent trained on
     * (recorded as the data's {@code from} and {@code to}; a run of the agent evaluates after {@code to}).
     *
     * @param from first market window trained on, ISO-8601, or {@code null} when unknown
     * @param to   last tick trained on, ISO-8601, or {@code null} when unknown
     */
    public static AgentModel save(Path dir, AgentWeights weights, RewardStats rewardStats, String source, String from, String to,
                                  String trellisVersion) {
        Map<String, Object> hyperparameters = new LinkedHashMap<>(weights.sizes().toHyperparameters());
        if (rewardStats != null) {
            hyperparameters.put(REWARD_STATS, rewardStats.toMap());
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("trellis", trellisVersion);
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT, ModelMetadata.FORMAT_VERSION, FAMILY, ARCHITECTURE,
                null, hyperparameters, StateFeatures.NAMES, null, new ModelMetadata.DataRange(source, from, to, 0, null, null),
                Map.of(), versions, null, 0, Instant.now().toString());
        ModelMetadata written = ModelDirectory.write(dir, metadata, SafetensorsWriter.write(weights.tensors()));
        return new AgentModel(dir, written, weights, rewardStats);
    }

    /**
     * Opens a saved agent: the weights' checksum, every tensor's name and shape, and the sizes are
     * checked before anything is returned.
     *
     * @throws ModelException naming the file and what is wrong
     */
    public static AgentModel open(Path dir) {
        ModelDirectory directory = ModelDirectory.open(dir, HOW_TO_MAKE + dir);
        ModelMetadata md = directory.metadata();
        Path json = dir.resolve(ModelDirectory.METADATA_FILE);
        if (!FAMILY.equals(md.family())) {
            throw new ModelException(dir + " holds a '" + md.family() + "' model, not an " + FAMILY + " one");
        }
        try {
            AgentSizes sizes = AgentSizes.fromHyperparameters(md.hyperparameters());
            if (md.features().size() != sizes.features()) {
                throw new IllegalArgumentException("lists " + md.features().size() + " features but the agent reads "
                        + sizes.features());
            }
            Object stats = md.hyperparameters().get(REWARD_STATS);
            RewardStats rewardStats = stats instanceof Map<?, ?> m ? RewardStats.fromMap(m) : null;
            String weightsFile = directory.weightsFile().toString();
            AgentWeights weights = AgentWeights.of(sizes, SafetensorsReader.read(directory.weights(), weightsFile), weightsFile);
            return new AgentModel(dir, md, weights, rewardStats);
        } catch (IllegalArgumentException e) {
            throw new ModelException(e.getMessage().startsWith(dir.toString()) ? e.getMessage() : json + ": " + e.getMessage(), e);
        }
    }
}
