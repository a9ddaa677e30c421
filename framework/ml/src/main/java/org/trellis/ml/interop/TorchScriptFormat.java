package org.trellis.ml.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;

/** A TorchScript file ({@code .pt}, saved by torch.jit.save) on the PyTorch engine. */
public final class TorchScriptFormat implements ModelFormat {
    @Override
    public String name() {
        return "torchscript";
    }

    @Override
    public String description() {
        return "TorchScript file (.pt) exported by PyTorch, run on the PyTorch engine";
    }

    @Override
    public boolean canOpen(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".pt") || name.endsWith(".torchscript"));
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        if (engine != null && !Engines.canonicalName(engine).equals(Engines.PYTORCH)) {
            throw new IllegalArgumentException("a TorchScript model runs on PyTorch only, not " + engine
                    + "; export it to ONNX to run it on OnnxRuntime");
        }
        return new DjlFileModel(path, Engines.PYTORCH);
    }
}
