package org.trellis.rl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trellis.rl.io.SafetensorsReader;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;
import org.trellis.rl.model.RewardStats;
import org.trellis.rl.model.UpstreamStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code trellis rl import FILE.safetensors}: upstream Phase-5 weights (and reward statistics) to a model folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn upstream Phase-5 weights (safetensors, F32, upstream tensor names) into a Trellis model folder.",
                "Every tensor's name and shape is checked against the architecture before anything is written."})
final class ImportCommand implements Callable<Integer> {
    static final String DEFAULT_STATS = "rl_model_stats.npz";
    static final String DEFAULT_MODEL = "rl-temporal-lacuna";

    @ParentCommand
    RlCommand parent;

    @Parameters(index = "0", paramLabel = "FILE.safetensors", description = "The upstream weights.")
    Path weightsFile;

    @Option(names = "--stats", paramLabel = "FILE.npz",
            description = "Reward statistics (upstream rl_model_stats.npz). Default: " + DEFAULT_STATS + " beside the weights, when there.")
    Path statsFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Model folder to write. Default: <models dir>/" + DEFAULT_MODEL + ".")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(weightsFile)) {
            throw new IllegalArgumentException("no weights file " + weightsFile);
        }
        AgentWeights weights = AgentWeights.of(AgentSizes.PHASE5, SafetensorsReader.read(weightsFile), weightsFile.toString());
        Path stats = statsFile != null ? statsFile : weightsFile.resolveSibling(DEFAULT_STATS);
        if (statsFile != null && !Files.isRegularFile(statsFile)) {
            throw new IllegalArgumentException("no reward statistics file " + statsFile);
        }
        RewardStats rewardStats = Files.isRegularFile(stats) ? UpstreamStats.read(stats, weights.sizes()) : null;
        Path dir = out != null ? out : parent.context.modelsDir().resolve(DEFAULT_MODEL);
        AgentModel.save(dir, weights, rewardStats, weightsFile.toString(), parent.context.trellisVersion());
        var console = parent.context.out();
        console.println("Imported " + weights.tensors().size() + " tensors of " + weightsFile + " into " + dir);
        console.println(rewardStats == null ? "Reward statistics: none (no " + stats + ")"
                : "Reward statistics from " + stats + ": mean " + rewardStats.mean() + ", std " + rewardStats.std()
                        + ", count " + rewardStats.count());
        return 0;
    }
}
