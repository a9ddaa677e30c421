package org.trellis.ml.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about a saved model except its weights, as {@code model.json}: the architecture is
 * named (and rebuilt from code), never serialized as code. Unknown fields are ignored on reading, so
 * a newer Trellis can add fields that an older one skips.
 *
 * @param format        always {@link #FORMAT}; marks a directory as a Trellis model
 * @param formatVersion version of this layout
 * @param family        the plugin family that owns it, e.g. {@code deep-learning}
 * @param architecture  the block built from code, e.g. {@code lstm}
 * @param engine        the engine it was trained on (PyTorch, MXNet)
 * @param hyperparameters sizes, window, horizon and training settings
 * @param features      input feature names in column order
 * @param scaler        z-score statistics fitted on the training split
 * @param data          the series it was trained on and how it was split
 * @param metrics       training and held-out metrics
 * @param versions      Trellis, DJL and engine versions
 * @param weights       the weights file and its checksum
 * @param seed          the seed of the run
 * @param created       ISO-8601 time of saving
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelMetadata(
        String format,
        int formatVersion,
        String family,
        String architecture,
        String engine,
        Map<String, Object> hyperparameters,
        List<String> features,
        ScalerStats scaler,
        DataRange data,
        Map<String, Double> metrics,
        Map<String, String> versions,
        Weights weights,
        long seed,
        String created) {

    public static final String FORMAT = "trellis-model";
    public static final int FORMAT_VERSION = 1;

    public ModelMetadata {
        hyperparameters = hyperparameters == null ? Map.of() : new LinkedHashMap<>(hyperparameters);
        features = features == null ? List.of() : List.copyOf(features);
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
        versions = versions == null ? Map.of() : new LinkedHashMap<>(versions);
    }

    /** Scaler statistics; {@code features} of the metadata name the columns. */
    public record ScalerStats(double[] mean, double[] std) {
    }

    /**
     * The training series and its split.
     *
     * @param source   dataset name or file
     * @param from     first bar time (ISO-8601)
     * @param to       last bar time (ISO-8601)
     * @param bars     bars in the series
     * @param trainEnd time of the last training window's last bar
     * @param validationEnd time of the last validation window's last bar; the test split follows
     */
    public record DataRange(String source, String from, String to, int bars, String trainEnd, String validationEnd) {
    }

    /** The weights file (relative to the model directory), its size and SHA-256. */
    public record Weights(String file, long bytes, String sha256) {
    }

    public ModelMetadata withWeights(Weights newWeights) {
        return new ModelMetadata(format, formatVersion, family, architecture, engine, hyperparameters, features, scaler, data,
                metrics, versions, newWeights, seed, created);
    }

    public ModelMetadata withMetrics(Map<String, Double> newMetrics) {
        return new ModelMetadata(format, formatVersion, family, architecture, engine, hyperparameters, features, scaler, data,
                newMetrics, versions, weights, seed, created);
    }

    /** An integer hyperparameter, with a message naming the file when it is missing. */
    public int intParameter(String name) {
        Object value = hyperparameters.get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("model.json has no integer hyperparameter '" + name + "' (has " + hyperparameters.keySet() + ")");
    }

    public double doubleParameter(String name) {
        Object value = hyperparameters.get(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("model.json has no number hyperparameter '" + name + "' (has " + hyperparameters.keySet() + ")");
    }
}
