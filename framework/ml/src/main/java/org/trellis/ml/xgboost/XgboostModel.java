package org.trellis.ml.xgboost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.Sample;

/**
 * An XGBoost booster loaded from (or saved to) XGBoost's JSON model format. Before the native
 * library sees a file, its structure is checked here (every tree's arrays have {@code num_nodes}
 * entries, children point inside the tree, splits use existing features), so a tampered file is a
 * one-line {@link ModelException} naming it rather than a crash inside native code.
 *
 * <p>{@link #predict(float[])} answers one row: what the objective outputs (for
 * {@code binary:logistic} the positive-class probability). Thread-safe for prediction; close it to
 * free the native booster.
 */
public final class XgboostModel implements LoadedModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a file {@link #isXgboostJson} reads to decide. */
    private static final int SNIFF_BYTES = 4096;

    private final String source;
    private final Booster booster;
    private final int features;
    private final int outputs;
    private final String objective;
    private final int trees;

    private XgboostModel(String source, Booster booster, int features, int outputs, String objective, int trees) {
        this.source = source;
        this.booster = booster;
        this.features = features;
        this.outputs = outputs;
        this.objective = objective;
        this.trees = trees;
    }

    /**
     * Whether a file is an XGBoost JSON model, judged from its first bytes: a JSON object whose first
     * key is {@code "learner"} (or {@code "version"} followed by {@code "learner"}), as every XGBoost
     * since 1.0 writes. Never true for other {@code .json} files (metadata, sidecars, inputs).
     */
    public static boolean isXgboostJson(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        byte[] head = new byte[SNIFF_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8).stripLeading();
        if (!text.startsWith("{")) {
            return false;
        }
        String afterBrace = text.substring(1).stripLeading();
        if (afterBrace.startsWith("\"learner\"")) {
            return true;
        }
        return afterBrace.startsWith("\"version\"") && text.contains("\"learner\"");
    }

    /**
     * Load and check an XGBoost JSON model.
     *
     * @throws ModelException naming the file, on one line, when it is missing, not JSON, not an
     *     XGBoost model, or structurally inconsistent
     */
    public static XgboostModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("no XGBoost model file " + file);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return fromJson(bytes, file.toString());
    }

    /** Load from the bytes of a JSON model; {@code source} names it in errors. */
    public static XgboostModel fromJson(byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelException(source + " is not a valid XGBoost JSON model: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + source + ": " + e.getMessage(), e);
        }
        Shape shape = check(root, source);
        Booster booster;
        try {
            booster = XGBoost.loadModel(json);
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new ModelException("XGBoost cannot load " + source + ": " + firstLine(e.getMessage()), e);
        }
        return new XgboostModel(source, booster, shape.features, shape.outputs, shape.objective, shape.trees);
    }

    /** Wrap a booster trained in this JVM (its JSON is checked like a file's). */
    public static XgboostModel of(Booster booster, String source) {
        try {
            return fromJson(booster.toByteArray("json"), source);
        } catch (XGBoostError e) {
            throw new ModelException("cannot serialize the booster " + source + ": " + firstLine(e.getMessage()), e);
        }
    }

    private record Shape(int features, int outputs, String objective, int trees) {
    }

    private static Shape check(JsonNode root, String source) {
        JsonNode learner = root.path("learner");
        if (!learner.isObject()) {
            throw bad(source, "no \"learner\" object at the top (not saved by Booster.save_model as JSON?)");
        }
        JsonNode param = learner.path("learner_model_param");
        int features = intField(param, "num_feature", source, "learner_model_param");
        if (features <= 0) {
            throw bad(source, "learner_model_param.num_feature is " + features);
        }
        int numClass = param.has("num_class") ? intField(param, "num_class", source, "learner_model_param") : 0;
        int numTarget = param.has("num_target") ? intField(param, "num_target", source, "learner_model_param") : 1;
        String objective = learner.path("objective").path("name").asText("");
        if (objective.isEmpty()) {
            throw bad(source, "no objective name (learner.objective.name)");
        }
        JsonNode booster = learner.path("gradient_booster");
        String kind = booster.path("name").asText("");
        JsonNode model = switch (kind) {
            case "gbtree" -> booster.path("model");
            case "dart" -> booster.path("gbtree").path("model");
            case "gblinear" -> null;
            default -> throw bad(source, "unknown gradient_booster.name '" + kind + "'");
        };
        int trees = 0;
        if (model != null) {
            JsonNode list = model.path("trees");
            if (!list.isArray()) {
                throw bad(source, "gradient_booster has no \"trees\" array");
            }
            trees = list.size();
            String declared = model.path("gbtree_model_param").path("num_trees").asText(null);
            if (declared != null && !declared.equals(Integer.toString(trees))) {
                throw bad(source, "gbtree_model_param.num_trees says " + declared + " but " + trees + " trees are stored");
            }
            if (model.path("tree_info").size() != trees) {
                throw bad(source, "tree_info has " + model.path("tree_info").size() + " entries for " + trees + " trees");
            }
            for (int t = 0; t < trees; t++) {
                checkTree(list.get(t), features, source, "trees[" + t + "]");
            }
        }
        int outputs = Math.max(1, Math.max(numClass, numTarget));
        return new Shape(features, outputs, objective, trees);
    }

    private static void checkTree(JsonNode tree, int features, String source, String where) {
        int nodes = intField(tree.path("tree_param"), "num_nodes", source, where + ".tree_param");
        if (nodes < 1) {
            throw bad(source, where + " has " + nodes + " nodes");
        }
        for (String array : List.of("left_children", "right_children", "split_indices", "split_conditions", "base_weights")) {
            JsonNode a = tree.path(array);
            if (!a.isArray() || a.size() != nodes) {
                throw bad(source, where + "." + array + " should hold " + nodes + " entries, found "
                        + (a.isArray() ? a.size() : "none"));
            }
        }
        JsonNode left = tree.get("left_children");
        JsonNode right = tree.get("right_children");
        JsonNode split = tree.get("split_indices");
        for (int i = 0; i < nodes; i++) {
            int l = left.get(i).asInt(Integer.MIN_VALUE);
            int r = right.get(i).asInt(Integer.MIN_VALUE);
            if (l == -1 && r == -1) {
                continue; // a leaf
            }
            if (l <= i || l >= nodes || r <= i || r >= nodes) {
                throw bad(source, where + " node " + i + " has children " + left.get(i) + "/" + right.get(i)
                        + " outside the tree's " + nodes + " nodes");
            }
            int s = split.get(i).asInt(-1);
            if (s < 0 || s >= features) {
                throw bad(source, where + " node " + i + " splits on feature " + split.get(i) + " of " + features);
            }
        }
    }

    private static int intField(JsonNode object, String field, String source, String where) {
        JsonNode v = object.path(field);
        try {
            if (v.isNumber()) {
                return v.intValue();
            }
            if (v.isTextual()) {
                return Integer.parseInt(v.asText().trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(source, where + "." + field + " is " + (v.isMissingNode() ? "missing" : v + ", not an integer"));
    }

    private static ModelException bad(String source, String what) {
        return new ModelException(source + " is not a usable XGBoost model: " + what);
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Number of inputs per row. */
    public int features() {
        return features;
    }

    /** Numbers per row: 1 for binary and regression objectives. */
    public int outputs() {
        return outputs;
    }

    /** The objective it was trained with, e.g. {@code binary:logistic}. */
    public String objective() {
        return objective;
    }

    public int trees() {
        return trees;
    }

    /** The native booster, for saving or further training. */
    public Booster booster() {
        return booster;
    }

    /**
     * The model's first output for one row (for {@code binary:logistic}, P(positive class)). The row
     * is read, not kept: callers may reuse one array for every call.
     *
     * @throws IllegalArgumentException when the row's length is not {@link #features()}
     */
    public float predict(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException(source + " expects " + features + " inputs per row, got " + row.length);
        }
        return rows(row, 1)[0][0];
    }

    private float[][] rows(float[] data, int n) {
        try {
            return booster.inplace_predict(data, n, features, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed for " + source + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Save in XGBoost's JSON format (readable by Python's {@code Booster.load_model}). */
    public void saveJson(Path file) {
        try {
            Files.write(file, booster.toByteArray("json"));
        } catch (XGBoostError | IOException e) {
            throw new ModelException("cannot save " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public String describe() {
        return source + ": XGBoost " + objective + ", " + trees + " trees, " + features + " inputs";
    }

    @Override
    public List<float[]> predict(List<Sample> samples) {
        float[] data = new float[samples.size() * features];
        for (int i = 0; i < samples.size(); i++) {
            float[] v = samples.get(i).values();
            if (samples.get(i).shape().length != 1 || v.length != features) {
                throw new IllegalArgumentException("sample " + i + " " + samples.get(i) + " does not fit " + source
                        + ": it takes rows of " + features + " numbers");
            }
            System.arraycopy(v, 0, data, i * features, features);
        }
        float[][] out = rows(data, samples.size());
        List<float[]> result = new ArrayList<>(out.length);
        for (float[] row : out) {
            result.add(row.clone());
        }
        return result;
    }

    @Override
    public boolean scalarOutput() {
        return outputs == 1;
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
