package org.trellis.auditor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.xgboost.XgboostModel;

/**
 * A meta-label auditor: an XGBoost binary classifier estimating P(the trade an entry opens is
 * profitable) and the names of its inputs, in order. Saved as two files: the booster in XGBoost's
 * JSON format ({@code x.json}, what Python's {@code Booster.save_model} writes and reads) and its
 * input names beside it ({@code x.inputs.json}: {@code {"inputs": ["rsi_14", ..., "confidence",
 * "direction"]}}). {@value #CONFIDENCE} is the entry's probability, {@value #DIRECTION} +1 for a buy
 * and -1 for a sell; every other name is a feature of the run.
 */
public final class XgboostAuditor implements AutoCloseable {
    public static final String CONFIDENCE = "confidence";
    public static final String DIRECTION = "direction";

    private final XgboostModel model;
    private final List<String> inputs;

    public XgboostAuditor(XgboostModel model, List<String> inputs) {
        if (!"binary:logistic".equals(model.objective()) && !"reg:logistic".equals(model.objective())) {
            throw new ModelException(model.describe() + " is not a binary classifier (objective binary:logistic): an auditor needs "
                    + "P(profitable)");
        }
        if (inputs.size() != model.features()) {
            throw new ModelException(model.describe() + " takes " + model.features() + " inputs but " + inputs.size()
                    + " names are given: " + inputs);
        }
        Set<String> seen = new HashSet<>();
        for (String name : inputs) {
            if (name == null || name.isBlank()) {
                throw new ModelException("an auditor input name is empty: " + inputs);
            }
            if (!seen.add(name)) {
                throw new ModelException("auditor input '" + name + "' appears twice: " + inputs);
            }
        }
        this.model = model;
        this.inputs = List.copyOf(inputs);
    }

    /** Where the input names of {@code model} live: {@code x.json} -> {@code x.inputs.json}. */
    public static Path inputsFile(Path model) {
        String name = model.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return model.resolveSibling(base + ".inputs.json");
    }

    /**
     * Load {@code x.json} (an XGBoost JSON model, e.g. trained in Python) and {@code x.inputs.json}.
     *
     * @throws ModelException naming the file when either is missing or unusable
     */
    public static XgboostAuditor load(Path file) {
        Path names = inputsFile(file);
        if (!Files.isRegularFile(file)) {
            throw new ModelException("no auditor model at " + file + "; train one with ./trellis train auditor, or save a Python "
                    + "XGBoost classifier there with Booster.save_model('" + file.getFileName() + "')");
        }
        if (!Files.isRegularFile(names)) {
            throw new ModelException(file + " needs the names of its inputs in " + names + ", e.g. {\"inputs\": [\"rsi14\", \""
                    + CONFIDENCE + "\", \"" + DIRECTION + "\"]}, one per model input, in order");
        }
        List<String> inputs = readInputs(names);
        XgboostModel model = XgboostModel.load(file);
        try {
            return new XgboostAuditor(model, inputs);
        } catch (ModelException e) {
            model.close();
            throw new ModelException(names + ": " + e.getMessage(), e);
        }
    }

    static List<String> readInputs(Path names) {
        return org.trellis.ml.xgboost.InputNames.read(names);
    }

    /** Save as {@code file} (XGBoost JSON) and its inputs file beside it. */
    public void save(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            model.saveJson(file);
            org.trellis.ml.xgboost.InputNames.write(inputsFile(file), inputs);
        } catch (IOException e) {
            throw new ModelException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    /** Training settings: boosting rounds (trees), tree depth, learning rate, seed. */
    public record Settings(int rounds, int maxDepth, double eta, long seed) {
        /** The source system's auditor: 100 trees of depth 4. */
        public static Settings defaults(long seed) {
            return new Settings(100, 4, 0.1, seed);
        }

        public Settings {
            if (rounds < 1 || maxDepth < 1 || !(eta > 0 && eta <= 1)) {
                throw new IllegalArgumentException("auditor training needs rounds >= 1, depth >= 1 and 0 < eta <= 1, got rounds=" + rounds
                        + " depth=" + maxDepth + " eta=" + eta);
            }
        }
    }

    /**
     * Train on meta-labels: {@code rows[i]} holds the inputs named by {@code inputs} (NaN = missing),
     * {@code labels[i]} is 1 when that signal's trade was profitable, else 0. Single-threaded and
     * seeded: the same data and settings give the same model.
     */
    public static XgboostAuditor train(float[][] rows, int[] labels, List<String> inputs, Settings settings) {
        if (rows.length == 0 || rows.length != labels.length) {
            throw new IllegalArgumentException("auditor training needs one label per row and at least one row, got " + rows.length
                    + " rows and " + labels.length + " labels");
        }
        int n = inputs.size();
        float[] data = new float[rows.length * n];
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values for " + n + " inputs " + inputs);
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("row " + i + " has label " + labels[i] + "; labels are 1 (profitable) or 0");
            }
            System.arraycopy(rows[i], 0, data, i * n, n);
            y[i] = labels[i];
        }
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", settings.maxDepth());
        params.put("eta", settings.eta());
        params.put("seed", settings.seed());
        params.put("nthread", 1);
        params.put("tree_method", "exact");
        params.put("eval_metric", "logloss");
        DMatrix matrix = null;
        Booster booster = null;
        try {
            matrix = new DMatrix(data, rows.length, n, Float.NaN);
            matrix.setLabel(y);
            booster = XGBoost.train(matrix, params, settings.rounds(), Map.of(), null, null);
            return new XgboostAuditor(XgboostModel.of(booster, "the trained auditor"), inputs);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage().lines().findFirst().orElse(""), e);
        } finally {
            if (booster != null) {
                booster.dispose(); // the model holds its own copy, loaded from the booster's JSON
            }
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    public List<String> inputs() {
        return inputs;
    }

    public XgboostModel model() {
        return model;
    }

    /** P(profitable) for one row of {@link #inputs()}; the row is not kept (reuse one array). */
    public float probability(float[] row) {
        return model.predict(row);
    }

    @Override
    public void close() {
        model.close();
    }
}
