package org.trellis.ml.interop;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trellis.ml.data.Scaler;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.Sample;

/**
 * A window classifier trained outside Trellis: a TorchScript or ONNX file plus a small metadata file
 * beside it ({@code model.onnx} -> {@code model.json}) that names its input features (in column
 * order), the scaler it was trained with, its window length and whether it outputs a logit or a
 * probability. Inputs are [batch, window, features]; the output is one number per window.
 *
 * <pre>{"features": ["rsi_14", ...], "scaler": {"mean": [...], "std": [...]}, "window": 20,
 *  "output": "logit", "feature_set": "candles", "feature_params": {}}</pre>
 */
public final class ImportedClassifier implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The metadata file's content. */
    public record Sidecar(List<String> features, ScalerJson scaler, int window, String output,
                          @JsonProperty("feature_set") String featureSet,
                          @JsonProperty("feature_params") Map<String, Object> featureParams) {
    }

    /** Z-score statistics, one per feature. */
    public record ScalerJson(double[] mean, double[] std) {
    }

    private final Path file;
    private final Sidecar sidecar;
    private final Scaler scaler;
    private final boolean logit;
    private final LoadedModel model;

    private ImportedClassifier(Path file, Sidecar sidecar, LoadedModel model) {
        this.file = file;
        this.sidecar = sidecar;
        this.model = model;
        this.scaler = new Scaler(sidecar.features(), sidecar.scaler().mean(), sidecar.scaler().std());
        this.logit = !"probability".equals(sidecar.output());
    }

    /** Whether a path is a file this class opens (.pt, .torchscript, .onnx). */
    public static boolean accepts(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".pt") || name.endsWith(".torchscript") || name.endsWith(".onnx");
    }

    /** The metadata file of a model file: the same name with {@code .json}. */
    public static Path sidecarOf(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".json");
    }

    public static ImportedClassifier open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("no model file " + file);
        }
        Path json = sidecarOf(file);
        if (!Files.isRegularFile(json)) {
            throw new ModelException(file + " needs a metadata file " + json + " naming its features, scaler, window and output, e.g. "
                    + "{\"features\": [\"rsi_14\", ...], \"scaler\": {\"mean\": [...], \"std\": [...]}, \"window\": 20, "
                    + "\"output\": \"logit\"}");
        }
        Sidecar sidecar;
        try {
            sidecar = JSON.readValue(json.toFile(), Sidecar.class);
        } catch (JsonProcessingException e) {
            throw new ModelException(json + " is not valid model metadata: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + json + ": " + e.getMessage(), e);
        }
        check(sidecar, json);
        LoadedModel model = file.getFileName().toString().endsWith(".onnx")
                ? new OnnxFormat().open(file, null) : new TorchScriptFormat().open(file, null);
        try {
            return new ImportedClassifier(file, sidecar, model);
        } catch (IllegalArgumentException e) {
            model.close();
            throw new ModelException(json + ": " + e.getMessage(), e);
        }
    }

    private static void check(Sidecar s, Path json) {
        if (s.features() == null || s.features().isEmpty()) {
            throw new ModelException(json + ": \"features\" must name the model's input columns in order");
        }
        if (s.scaler() == null || s.scaler().mean() == null || s.scaler().std() == null) {
            throw new ModelException(json + ": \"scaler\" needs \"mean\" and \"std\", one per feature");
        }
        if (s.window() < 1) {
            throw new ModelException(json + ": \"window\" must be the model's window length in bars (>= 1)");
        }
        if (s.output() != null && !s.output().equals("logit") && !s.output().equals("probability")) {
            throw new ModelException(json + ": \"output\" is \"logit\" or \"probability\", not \"" + s.output() + "\"");
        }
    }

    public Path file() {
        return file;
    }

    public List<String> features() {
        return scaler.features();
    }

    public Scaler scaler() {
        return scaler;
    }

    public int window() {
        return sidecar.window();
    }

    public String featureSet() {
        return sidecar.featureSet();
    }

    public Map<String, Object> featureParams() {
        return sidecar.featureParams() == null ? Map.of() : sidecar.featureParams();
    }

    /** P(up) for {@code count} scaled windows laid out [window][time][feature]. */
    public synchronized double[] probabilities(float[] scaled, int count) {
        int size = window() * features().size();
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(java.util.Arrays.copyOfRange(scaled, i * size, (i + 1) * size), new int[] {window(), features().size()}));
        }
        List<float[]> out = model.predict(samples);
        double[] p = new double[count];
        for (int i = 0; i < count; i++) {
            if (out.get(i).length != 1) {
                // e.g. a two-class head: which column is "up" is not ours to guess
                throw new ModelException(file + " gives " + out.get(i).length + " numbers per window; a strategy needs one, "
                        + "P(up) or its logit: export the model with a single output");
            }
            double v = out.get(i)[0];
            p[i] = logit ? 1 / (1 + Math.exp(-v)) : v;
        }
        return p;
    }

    @Override
    public void close() {
        model.close();
    }
}
