package org.trellis.contrastive.train;

import org.trellis.ml.spi.TrainingContext;
import picocli.CommandLine.Option;

/** The options {@code train contrastive} and {@code tune contrastive} share: data, engine, seed, windows and labels. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "NAME|CSV", description = "Bundled dataset or CSV (default: trellis.data.default).")
    String data;

    @Option(names = "--engine", paramLabel = "PyTorch|MXNet", description = "Engine (default: trellis.ml.engine).")
    String engine;

    @Option(names = "--seed", description = "Seed (default: trellis.seed).")
    Long seed;

    @Option(names = "--window", defaultValue = "10", description = "Bars per input window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--barrier-k", defaultValue = "1.5", description = "Barrier width in ATR 14 of the labels (default: ${DEFAULT-VALUE}).")
    double barrierK;

    @Option(names = "--horizon", defaultValue = "24", description = "Closes a label scans for a barrier touch (default: ${DEFAULT-VALUE}).")
    int horizon;

    String dataName(TrainingContext context) {
        return data != null ? data : context.defaultData();
    }

    String engineName(TrainingContext context) {
        return ContrastiveTraining.trainableEngine(engine != null ? engine : context.defaultEngine());
    }

    long seed(TrainingContext context) {
        return seed != null ? seed : context.seed();
    }
}
