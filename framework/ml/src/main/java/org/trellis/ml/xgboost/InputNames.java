package org.trellis.ml.xgboost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trellis.ml.model.ModelException;

/**
 * The file naming a tabular model's inputs in column order, {@code {"inputs": ["rsi_14", ...]}}:
 * read and written here, on the framework's side, so plugins need no JSON library of their own.
 */
public final class InputNames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputNames() {
    }

    public static List<String> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ModelException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("inputs").isArray()) {
            throw new ModelException(file + ": expected {\"inputs\": [\"name\", ...]}, the names of the model's inputs in order");
        }
        List<String> inputs = new ArrayList<>();
        JsonNode list = root.get("inputs");
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                throw new ModelException(file + ": inputs[" + i + "] is " + list.get(i) + ", not a name in quotes");
            }
            inputs.add(list.get(i).asText());
        }
        return inputs;
    }

    public static void write(Path file, List<String> inputs) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(Map.of("inputs", inputs)));
    }
}
