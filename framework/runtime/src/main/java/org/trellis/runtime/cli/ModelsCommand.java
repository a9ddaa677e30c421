package org.trellis.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.ml.predict.ModelFormats;
import org.trellis.ml.predict.PredictInputs;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.Sample;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trellis models}: the saved models and their metadata; {@code models predict} runs one on given inputs. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = ModelsCommand.Predict.class,
        description = "List saved models (folders with a model.json under trellis.ml.models-dir): family, architecture, "
                + "engine, features, window, training data and held-out metrics.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder to list (default: trellis.ml.models-dir, i.e. models/).")
    Path dir;

    @Option(names = "--json", description = "Print each model's full model.json as a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        try {
            return list();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list models: " + e.getMessage(), e);
        }
    }

    private Integer list() throws IOException {
        TrellisConfig config = configOptions.config();
        Path root = dir != null ? dir : config.modelsDir();
        PrintWriter out = spec.commandLine().getOut();
        List<ModelDirectory> models = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root, 3)) {
                for (Path p : walk.filter(ModelDirectory::isModel).sorted().toList()) {
                    try {
                        models.add(ModelDirectory.open(p, "trellis train"));
                    } catch (ModelException e) {
                        broken.add(e.getMessage());
                    }
                }
            }
        }
        if (json) {
            ArrayNode array = ReportJson.mapper().createArrayNode();
            for (ModelDirectory m : models) {
                ObjectNode node = ReportJson.mapper().valueToTree(m.metadata());
                node.put("path", root.relativize(m.dir()).toString());
                array.add(node);
            }
            out.println(ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else if (models.isEmpty()) {
            out.println("no models in " + root + (Files.isDirectory(root) ? "" : " (the folder does not exist)")
                    + "; train one with: ./trellis train deep-learning --model lstm");
        } else {
            String format = "%-24s %-14s %-12s %-8s %8s %6s  %-37s %8s %8s  %s%n";
            out.printf(Locale.ROOT, format, "MODEL", "FAMILY", "ARCH", "ENGINE", "FEATURES", "WINDOW", "TRAINED ON", "TEST ACC",
                    "TEST AUC", "CREATED");
            for (ModelDirectory m : models) {
                ModelMetadata md = m.metadata();
                Object window = md.hyperparameters().getOrDefault("window", "");
                out.printf(Locale.ROOT, format, root.relativize(m.dir()), md.family(), md.architecture(),
                        md.engine() == null ? "-" : md.engine(),
                        md.features().size(), window, md.data() == null ? "" : md.data().source() + " " + shortDate(md.data().from())
                                + ".." + shortDate(md.data().to()),
                        metric(md.metrics(), "test_accuracy"), metric(md.metrics(), "test_auc"), shortDate(md.created()));
            }
        }
        broken.forEach(b -> spec.commandLine().getErr().println("warning: " + b));
        out.flush();
        return broken.isEmpty() ? 0 : 3;
    }

    private static String shortDate(String iso) {
        return iso == null ? "" : iso.length() >= 10 ? iso.substring(0, 10) : iso;
    }

    private static String metric(Map<String, Double> metrics, String name) {
        Double v = metrics.get(name);
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@code trellis models predict PATH --input FILE.json}: outputs of any model for given inputs. */
    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = {"Run a model on given inputs and print {\"outputs\": [...]}, one entry per sample.",
                    "FILE.json is {\"inputs\": [...]}: per sample a flat array of numbers, or nested arrays for a "
                            + "sequence ([time][feature]). PATH: a Trellis model folder, a TorchScript .pt, an .onnx file, "
                            + "an XGBoost model saved as .json (prints P(positive) per row for binary:logistic), "
                            + "or any format a plugin adds."})
    static final class Predict implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions configOptions;

        @Parameters(index = "0", paramLabel = "PATH", description = "The model.")
        Path path;

        @Option(names = "--input", required = true, paramLabel = "FILE.json", description = "The inputs.")
        Path input;

        @Option(names = "--engine", paramLabel = "E",
                description = "Engine (PyTorch, MXNet, OnnxRuntime); default: the model's own (.pt: PyTorch, .onnx: OnnxRuntime).")
        String engine;

        @Override
        public Integer call() throws IOException {
            List<Sample> samples = PredictInputs.read(input);
            TrellisConfig config = configOptions.config();
            try (PartRegistry registry = configOptions.parts(config)) {
                List<ModelFormat> formats = registry.extensions(ModelFormat.class);
                registry.extensionProblems().forEach(p -> spec.commandLine().getErr().println("warning: " + p));
                ModelFormat format = new ModelFormats(formats).forPath(path);
                try (LoadedModel model = format.open(path, engine)) {
                    List<float[]> outputs = model.predict(samples);
                    ObjectNode doc = ReportJson.mapper().createObjectNode();
                    ArrayNode array = doc.putArray("outputs");
                    for (float[] o : outputs) {
                        if (model.scalarOutput() && o.length == 1) {
                            array.add(o[0]);
                        } else {
                            ArrayNode row = array.addArray();
                            for (float v : o) {
                                row.add(v);
                            }
                        }
                    }
                    PrintWriter out = spec.commandLine().getOut();
                    out.println(ReportJson.mapper().writeValueAsString(doc));
                    out.flush();
                }
            }
            return 0;
        }
    }
}
