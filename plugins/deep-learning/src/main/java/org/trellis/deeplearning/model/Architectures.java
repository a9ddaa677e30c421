package org.trellis.deeplearning.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The classifier architectures by name, and their sizes as model metadata: a saved model records
 * {@code architecture} and these numbers, and is rebuilt from code with them.
 */
public final class Architectures {
    public static final String LSTM = "lstm";
    public static final String TRANSFORMER = "transformer";

    private Architectures() {
    }

    public static String canonical(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "lstm", "bilstm" -> LSTM;
            case "transformer" -> TRANSFORMER;
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; use lstm or transformer");
        };
    }

    /** The sizes of a config, as they go into model.json's hyperparameters. */
    public static Map<String, Object> sizes(ClassifierConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (config instanceof LstmConfig c) {
            m.put("hidden", c.hidden());
            m.put("layers", c.layers());
            m.put("dropout", (double) c.dropout());
        } else if (config instanceof TransformerConfig c) {
            m.put("d_model", c.dModel());
            m.put("heads", c.heads());
            m.put("layers", c.layers());
            m.put("feed_forward", c.feedForward());
            m.put("dropout", (double) c.dropout());
        }
        return m;
    }

    /** The config a saved model was built with. */
    public static ClassifierConfig config(String architecture, Map<String, Object> hyperparameters) {
        String arch = canonical(architecture);
        if (arch.equals(LSTM)) {
            return new LstmConfig(integer(hyperparameters, "hidden"), integer(hyperparameters, "layers"),
                    (float) number(hyperparameters, "dropout"));
        }
        return new TransformerConfig(integer(hyperparameters, "d_model"), integer(hyperparameters, "heads"),
                integer(hyperparameters, "layers"), integer(hyperparameters, "feed_forward"), (float) number(hyperparameters, "dropout"));
    }

    private static int integer(Map<String, Object> m, String key) {
        double v = number(m, key);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("the size '" + key + "' must be a whole number, not " + v);
        }
        return (int) v;
    }

    private static double number(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("model.json lacks the size '" + key + "' (has " + m.keySet() + ")");
    }
}
