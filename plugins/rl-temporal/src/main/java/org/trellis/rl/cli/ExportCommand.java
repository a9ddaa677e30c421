package org.trellis.rl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trellis.ml.model.ModelPaths;
import org.trellis.rl.io.SafetensorsWriter;
import org.trellis.rl.model.AgentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code trellis rl export DIR --out FILE.safetensors}: a model folder's weights under the upstream tensor names. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a model folder's weights as safetensors with the upstream tensor names (F32; weights only, "
                + "reward statistics stay in model.json).")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    RlCommand parent;

    @Parameters(index = "0", paramLabel = "DIR", description = "An rl-temporal model folder.")
    String dir;

    @Option(names = "--out", required = true, paramLabel = "FILE.safetensors", description = "The file to write.")
    Path out;

    @Override
    public Integer call() {
        AgentModel model = AgentModel.open(ModelPaths.resolve(dir));
        try {
            Path parentDir = out.toAbsolutePath().getParent();
            if (parentDir != null) {
                Files.createDirectories(parentDir);
            }
            Files.write(out, SafetensorsWriter.write(model.weights().tensors()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        parent.context.out().println("Exported " + model.weights().tensors().size() + " tensors of " + model.dir() + " to " + out);
        return 0;
    }
}
