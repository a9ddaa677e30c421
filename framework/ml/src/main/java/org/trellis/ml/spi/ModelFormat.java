package org.trellis.ml.spi;

import java.nio.file.Path;

/**
 * A kind of model file or directory Trellis can run: TorchScript and ONNX files are built in; each
 * model plugin adds its own saved-model format. Listed in
 * {@code META-INF/services/org.trellis.ml.spi.ModelFormat}; {@code trellis models predict} asks each
 * format in turn whether it can open a path.
 */
public interface ModelFormat {
    /** Short name, e.g. {@code onnx}. */
    String name();

    /** What it opens, for help and error messages. */
    String description();

    /** A cheap check (extension, a metadata file's family) without loading anything heavy. */
    boolean canOpen(Path path);

    /**
     * Open the model for inference.
     *
     * @param engine the engine to run on, or {@code null} for the format's (or the model's) own
     * @throws IllegalArgumentException when the engine cannot run this format
     */
    LoadedModel open(Path path, String engine);

    /**
     * Open the model to score bars ({@code trellis compare-models}). Formats whose models do not read
     * bars (a bare ONNX graph has no feature definitions) keep the default, which says so.
     */
    default BarClassifier openClassifier(Path path, String engine) {
        throw new IllegalArgumentException(path + " (" + name() + ") cannot be scored on bars: it does not say how to turn bars "
                + "into its inputs");
    }
}
