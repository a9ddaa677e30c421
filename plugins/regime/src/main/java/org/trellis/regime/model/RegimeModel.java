package org.trellis.regime.model;

import java.nio.file.Path;
import java.util.List;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.regime.RegimeInputs;
import org.trellis.regime.hmm.GaussianHmm;

/**
 * A saved regime model: a Trellis model folder ({@link ModelDirectory}: {@code model.json} plus a
 * checksummed weights file) whose family is {@value #FAMILY}, architecture {@value #ARCHITECTURE},
 * and whose weights file holds the HMM parameters in {@link HmmText}'s format. Its states are sorted
 * by ascending mean volatility: state 0 is the calmest.
 */
public record RegimeModel(Path dir, ModelMetadata metadata, GaussianHmm hmm) {
    public static final String FAMILY = "regime";
    public static final String ARCHITECTURE = "gaussian-hmm";
    /** Hyperparameter: the spacing of the bars the model was fitted on, in ms (volatility scales with it). */
    public static final String BAR_MILLIS = "bar_millis";

    /** What to tell a user who has no model at {@code dir}. */
    public static String howToTrain(Object dir) {
        return "./trellis train regime --data btc-usd-1m --out " + dir;
    }

    /**
     * Save {@code hmm} with {@code metadata} (family, architecture and features are set here).
     *
     * @return the model as saved
     */
    public static RegimeModel save(Path dir, GaussianHmm hmm, ModelMetadata metadata) {
        if (hmm.dimensions() != RegimeInputs.NAMES.size()) {
            throw new IllegalArgumentException("a regime model reads " + RegimeInputs.NAMES + "; this HMM has " + hmm.dimensions()
                    + " dimensions");
        }
        ModelMetadata complete = new ModelMetadata(ModelMetadata.FORMAT, ModelMetadata.FORMAT_VERSION, FAMILY, ARCHITECTURE, null,
                metadata.hyperparameters(), RegimeInputs.NAMES, null, metadata.data(), metadata.metrics(), metadata.versions(), null,
                metadata.seed(), metadata.created());
        byte[] bytes = HmmText.write(hmm, List.of("Trellis regime model: Gaussian HMM, diagonal covariances; observations "
                + RegimeInputs.NAMES + "; state 0 has the lowest mean volatility", "format: see HmmText (plugins/regime/README.md)"));
        ModelMetadata saved = ModelDirectory.write(dir, complete, bytes);
        return new RegimeModel(dir, saved, hmm);
    }

    /**
     * Open a saved regime model, checking the weights' checksum before parsing them.
     *
     * @throws org.trellis.ml.model.ModelNotFoundException when there is none (the message says how to train one)
     * @throws ModelException for another family, other inputs, or a tampered or malformed file
     */
    public static RegimeModel open(Path dir) {
        ModelDirectory folder = ModelDirectory.open(dir, howToTrain(dir));
        ModelMetadata md = folder.metadata();
        Path json = dir.resolve(ModelDirectory.METADATA_FILE);
        if (!FAMILY.equals(md.family()) || !ARCHITECTURE.equals(md.architecture())) {
            throw new ModelException(json + " holds a '" + md.family() + "' " + md.architecture() + " model, not a regime model ("
                    + FAMILY + "/" + ARCHITECTURE + "): train one with " + howToTrain(dir));
        }
        if (!RegimeInputs.NAMES.equals(md.features())) {
            throw new ModelException(json + " reads inputs " + md.features() + "; this plugin computes " + RegimeInputs.NAMES
                    + ": train the model again with " + howToTrain(dir));
        }
        GaussianHmm hmm = HmmText.parse(folder.weights(), folder.weightsFile().toString());
        if (hmm.dimensions() != RegimeInputs.NAMES.size()) {
            throw new ModelException(folder.weightsFile() + " has " + hmm.dimensions() + " dimensions; " + json + " names "
                    + RegimeInputs.NAMES.size() + " inputs");
        }
        Object states = md.hyperparameters().get("states");
        if (states instanceof Number n && n.intValue() != hmm.states()) {
            throw new ModelException(folder.weightsFile() + " has " + hmm.states() + " states; " + json + " says " + n);
        }
        return new RegimeModel(dir, md, hmm);
    }

    /** The bar spacing the model was fitted on, or 0 when its model.json does not say (older models). */
    public long barMillis() {
        Object v = metadata.hyperparameters().get(BAR_MILLIS);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
