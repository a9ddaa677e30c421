package org.trellis.ml.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;

/** An ONNX file on the OnnxRuntime engine (the only DJL engine that runs ONNX graphs). */
public final class OnnxFormat implements ModelFormat {
    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public String description() {
        return "ONNX file (.onnx), run on the OnnxRuntime engine";
    }

    @Override
    public boolean canOpen(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".onnx");
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        if (engine != null && !Engines.canonicalName(engine).equals(Engines.ONNX_RUNTIME)) {
            throw new IllegalArgumentException("an ONNX model runs on OnnxRuntime only, not " + engine);
        }
        return new DjlFileModel(path, Engines.ONNX_RUNTIME);
    }
}
