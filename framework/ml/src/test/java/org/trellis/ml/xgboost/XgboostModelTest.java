package org.trellis.ml.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.predict.ModelFormats;
import org.trellis.ml.predict.PredictInputs;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.Sample;

/** The auditor trained by Python XGBoost 1.7.4 (data/interop) reproduces Python's probabilities. */
class XgboostModelTest {
    static final Path INTEROP = Path.of("../../data/interop");
    static final Path MODEL = INTEROP.resolve("auditor_example.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static ModelFormats formats() {
        return new ModelFormats(ServiceLoader.load(ModelFormat.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    static JsonNode expected() throws Exception {
        return JSON.readTree(INTEROP.resolve("auditor_example_expected.json").toFile());
    }

    @Test
    void reproducesPythonsProbabilitiesThroughTheModelFormat() throws Exception {
        JsonNode expected = expected();
        List<Sample> samples = PredictInputs.parse(expected, "expected");
        assertEquals(64, samples.size());
        ModelFormat format = formats().forPath(MODEL);
        assertInstanceOf(XgboostFormat.class, format);
        try (LoadedModel model = format.open(MODEL, null)) {
            assertTrue(model.scalarOutput());
            List<float[]> out = model.predict(samples);
            for (int i = 0; i < 64; i++) {
                assertEquals(expected.get("p_positive").get(i).asDouble(), out.get(i)[0], 1e-6, "row " + i);
            }
            assertTrue(model.describe().contains("binary:logistic") && model.describe().contains("100 trees"), model.describe());
        }
    }

    @Test
    void oneRowAtATimeWithAReusedArrayGivesTheSameNumbers() throws Exception {
        JsonNode expected = expected();
        try (XgboostModel model = XgboostModel.load(MODEL)) {
            assertEquals(8, model.features());
            assertEquals(100, model.trees());
            float[] row = new float[8];
            for (int i = 0; i < 64; i++) {
                for (int j = 0; j < 8; j++) {
                    row[j] = (float) expected.get("inputs").get(i).get(j).asDouble();
                }
                assertEquals(expected.get("p_positive").get(i).asDouble(), model.predict(row), 1e-6, "row " + i);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(new float[7]));
            assertTrue(e.getMessage().contains("expects 8 inputs"), e.getMessage());
        }
    }

    @Test
    void savedJsonLoadsBackToIdenticalPredictions(@TempDir Path dir) throws Exception {
        JsonNode expected = expected();
        List<Sample> samples = PredictInputs.parse(expected, "expected");
        Path copy = dir.resolve("copy.json");
        try (XgboostModel model = XgboostModel.load(MODEL)) {
            model.saveJson(copy);
            try (XgboostModel again = XgboostModel.load(copy)) {
                List<float[]> a = model.predict(samples);
                List<float[]> b = again.predict(samples);
                for (int i = 0; i < 64; i++) {
                    assertEquals(a.get(i)[0], b.get(i)[0], 0f, "row " + i);
                }
            }
        }
        assertTrue(XgboostModel.isXgboostJson(copy));
    }

    @Test
    void onlyXgboostModelsAreClaimed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sidecar.json"), "{\"inputs\": [\"a\", \"b\"], \"learner\": 1}");
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"trellis-model\", \"family\": \"x\"}");
        Files.writeString(dir.resolve("versioned.json"), "{\"version\": [1, 7, 4], \"learner\": {}}");
        XgboostFormat format = new XgboostFormat();
        assertFalse(format.canOpen(dir.resolve("sidecar.json")));
        assertFalse(format.canOpen(dir.resolve("model.json")));
        assertFalse(format.canOpen(dir.resolve("missing.json")));
        assertFalse(format.canOpen(dir.resolve("bilstm_example_expected.json")));
        assertTrue(format.canOpen(dir.resolve("versioned.json")));
        assertTrue(format.canOpen(MODEL));
        assertFalse(format.canOpen(INTEROP.resolve("auditor_example_expected.json")));
    }

    @Test
    void malformedAndTamperedModelsAreOneLineErrorsNamingTheFile(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.json");
        String text = Files.readString(MODEL);
        Files.writeString(cut, text.substring(0, text.length() / 2));
        assertOneLineError(cut, "not a valid XGBoost JSON model");

        ObjectNode root = (ObjectNode) JSON.readTree(MODEL.toFile());
        ObjectNode tree = (ObjectNode) root.at("/learner/gradient_booster/model/trees/3");
        ((ArrayNode) tree.get("left_children")).set(0, 9999);
        Path child = dir.resolve("child.json");
        JSON.writeValue(child.toFile(), root);
        assertOneLineError(child, "trees[3] node 0 has children 9999");

        root = (ObjectNode) JSON.readTree(MODEL.toFile());
        tree = (ObjectNode) root.at("/learner/gradient_booster/model/trees/5");
        ((ArrayNode) tree.get("split_indices")).set(0, 8);
        Path split = dir.resolve("split.json");
        JSON.writeValue(split.toFile(), root);
        assertOneLineError(split, "splits on feature 8 of 8");

        root = (ObjectNode) JSON.readTree(MODEL.toFile());
        ((ArrayNode) root.at("/learner/gradient_booster/model/trees")).remove(99);
        Path missing = dir.resolve("missing.json");
        JSON.writeValue(missing.toFile(), root);
        assertOneLineError(missing, "num_trees says 100 but 99");

        root = (ObjectNode) JSON.readTree(MODEL.toFile());
        tree = (ObjectNode) root.at("/learner/gradient_booster/model/trees/0");
        ((ArrayNode) tree.get("split_conditions")).remove(0);
        Path shortArray = dir.resolve("short.json");
        JSON.writeValue(shortArray.toFile(), root);
        assertOneLineError(shortArray, "trees[0].split_conditions should hold 31 entries, found 30");

        root = (ObjectNode) JSON.readTree(MODEL.toFile());
        ((ObjectNode) root.at("/learner/objective")).put("name", "binary:nonsense");
        Path objective = dir.resolve("objective.json");
        JSON.writeValue(objective.toFile(), root);
        assertOneLineError(objective, "XGBoost cannot load");
    }

    private static void assertOneLineError(Path file, String what) {
        ModelException e = assertThrows(ModelException.class, () -> formats().forPath(file).open(file, null).close());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(what), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
