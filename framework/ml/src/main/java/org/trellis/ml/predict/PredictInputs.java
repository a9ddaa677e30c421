package org.trellis.ml.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trellis.ml.spi.Sample;

/**
 * Reads {@code {"inputs": [...]}}: one entry per sample, a flat array of numbers or nested arrays
 * (e.g. [time][feature]) of a regular shape. Errors name the file, the sample and the position.
 */
public final class PredictInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PredictInputs() {
    }

    public static List<Sample> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(root, file.toString());
    }

    public static List<Sample> parse(JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.has("inputs") || !root.get("inputs").isArray()) {
            throw new IllegalArgumentException(source + ": expected {\"inputs\": [...]} with one entry per sample");
        }
        List<Sample> samples = new ArrayList<>();
        JsonNode inputs = root.get("inputs");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(source + ": \"inputs\" is empty");
        }
        for (int i = 0; i < inputs.size(); i++) {
            samples.add(sample(inputs.get(i), source + ": inputs[" + i + "]"));
        }
        return samples;
    }

    private static Sample sample(JsonNode node, String where) {
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) {
            if (n.isEmpty()) {
                throw new IllegalArgumentException(where + " has an empty array");
            }
            shape.add(n.size());
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        float[] values = new float[size];
        fill(node, dims, 0, values, new int[] {0}, where);
        return new Sample(values, dims);
    }

    private static void fill(JsonNode node, int[] dims, int depth, float[] out, int[] at, String where) {
        if (depth == dims.length) {
            if (!node.isNumber()) {
                throw new IllegalArgumentException(where + " holds " + (node.isArray() ? "an array" : node.toString())
                        + " where a number belongs");
            }
            double v = node.asDouble();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where + " holds a non-finite number");
            }
            out[at[0]++] = (float) v;
            return;
        }
        if (!node.isArray() || node.size() != dims[depth]) {
            throw new IllegalArgumentException(where + " is ragged: expected " + dims[depth] + " entries at depth " + depth
                    + " (shape " + Arrays.toString(dims) + ")");
        }
        for (int i = 0; i < node.size(); i++) {
            fill(node.get(i), dims, depth + 1, out, at, where + "[" + i + "]");
        }
    }
}
