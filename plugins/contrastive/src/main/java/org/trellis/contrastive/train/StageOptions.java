package org.trellis.contrastive.train;

import java.util.Locale;
import org.trellis.contrastive.model.TwoStageTrainer;
import picocli.CommandLine.Option;

/** How long and how the two stages train: shared by {@code train contrastive} and {@code tune contrastive}. */
public final class StageOptions {
    /**
     * Default epochs: on the 9,399 bars of btc-usd-1m with the spec's sizes a full run takes a few
     * minutes on two cores (see the plugin README for the measured time).
     */
    public static final int DEFAULT_CONTRASTIVE_EPOCHS = 30;
    public static final int DEFAULT_PROBE_EPOCHS = 30;

    @Option(names = "--contrastive-epochs", defaultValue = "" + DEFAULT_CONTRASTIVE_EPOCHS,
            description = "Passes of the SupCon stage over the training windows (default: ${DEFAULT-VALUE}).")
    int contrastiveEpochs;

    @Option(names = "--probe-epochs", defaultValue = "" + DEFAULT_PROBE_EPOCHS,
            description = "Passes of the linear probe over the frozen embeddings (default: ${DEFAULT-VALUE}).")
    int probeEpochs;

    @Option(names = "--batch", defaultValue = "64", description = "Windows per step, >= 2 (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--temperature", defaultValue = "0.07", description = "SupCon temperature (default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--probe-loss", paramLabel = "bce|focal", defaultValue = "bce",
            description = "Loss the linear probe is fitted with (focal: alpha 1, gamma 2) (default: ${DEFAULT-VALUE}).")
    String probeLoss;

    TwoStageTrainer.Settings settings(long seed) {
        TwoStageTrainer.Settings d = TwoStageTrainer.Settings.defaults();
        TwoStageTrainer.ProbeLoss loss = switch (probeLoss.trim().toLowerCase(Locale.ROOT)) {
            case "bce" -> TwoStageTrainer.ProbeLoss.BCE;
            case "focal" -> TwoStageTrainer.ProbeLoss.FOCAL;
            default -> throw new IllegalArgumentException("unknown --probe-loss '" + probeLoss + "'; use bce or focal");
        };
        try {
            return new TwoStageTrainer.Settings(contrastiveEpochs, probeEpochs, batch, d.weightDecay(), d.clipNorm(), temperature,
                    d.probeLearningRate(), loss, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("contrastive: " + e.getMessage(), e);
        }
    }
}
