package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.runtime.testing.Cli.Outcome;

class ModelsCommandTest {
    static final Path INTEROP = Path.of("../../data/interop");

    @Test
    void predictRunsAPythonModelOnAnInputFileAndPrintsOneOutputPerSample(@TempDir Path dir) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(INTEROP.resolve("bilstm_example_expected.json").toFile());
        Path input = dir.resolve("in.json");
        Files.writeString(input, "{\"inputs\": " + expected.get("inputs").toString() + "}");
        for (String file : List.of("bilstm_example.onnx", "bilstm_example.pt")) {
            Outcome o = trellis("models", "predict", INTEROP.resolve(file).toString(), "--input", input.toString());
            assertEquals(0, o.code(), o.err());
            JsonNode outputs = new ObjectMapper().readTree(o.out()).get("outputs");
            assertEquals(16, outputs.size());
            for (int i = 0; i < 16; i++) {
                assertEquals(expected.get("logits").get(i).asDouble(), outputs.get(i).asDouble(), 1e-5, file + " sample " + i);
            }
        }
    }

    @Test
    void predictPrintsPythonXgboostsPositiveClassProbabilityPerRow(@TempDir Path dir) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(INTEROP.resolve("auditor_example_expected.json").toFile());
        Path input = dir.resolve("rows.json");
        Files.writeString(input, "{\"inputs\": " + expected.get("inputs").toString() + "}");
        Outcome o = trellis("models", "predict", INTEROP.resolve("auditor_example.json").toString(), "--input", input.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode outputs = new ObjectMapper().readTree(o.out()).get("outputs");
        assertEquals(64, outputs.size());
        for (int i = 0; i < 64; i++) {
            assertTrue(outputs.get(i).isNumber(), "one number per row: " + outputs.get(i));
            assertEquals(expected.get("p_positive").get(i).asDouble(), outputs.get(i).asDouble(), 1e-6, "row " + i);
        }
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, Files.readString(INTEROP.resolve("auditor_example.json")).replace("\"num_feature\":\"8\"", "\"num_feature\":\"x\""));
        Outcome bad = trellis("models", "predict", tampered.toString(), "--input", input.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(tampered.toString()) && bad.err().contains("num_feature"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void badInputsAndUnknownModelsAreErrorsThatSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.json");
        Files.writeString(input, "{\"inputs\": [[1, 2], [3, \"x\"]]}");
        Outcome bad = trellis("models", "predict", INTEROP.resolve("bilstm_example.onnx").toString(), "--input", input.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("inputs[1][1]"), bad.err());
        Files.writeString(input, "{\"inputs\": [[1, 2]]}");
        Outcome none = trellis("models", "predict", dir.resolve("nothing.pt").toString(), "--input", input.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no model at"), none.err());
        Outcome shape = trellis("models", "predict", INTEROP.resolve("bilstm_example.pt").toString(), "--input", input.toString());
        assertEquals(2, shape.code());
        assertTrue(shape.err().contains("do not fit"), shape.err());
    }

    @Test
    void listsSavedModelsWithTheirMetadataAndWarnsAboutBrokenOnes(@TempDir Path dir) throws Exception {
        Outcome empty = trellis("models", "--dir", dir.toString());
        assertEquals(0, empty.code());
        assertTrue(empty.out().contains("no models in") && empty.out().contains("./trellis train"), empty.out());
        ModelDirectory.write(dir.resolve("lstm-btc"), new ModelMetadata(ModelMetadata.FORMAT, 1, "deep-learning", "lstm", "PyTorch",
                Map.of("window", 50), List.of("a", "b", "c"), null,
                new ModelMetadata.DataRange("btc-usd-1m", "2013-11-25T00:00:00Z", "2013-12-01T00:00:00Z", 9000, null, null),
                Map.of("test_accuracy", 0.53, "test_auc", 0.55), Map.of(), null, 42, "2026-11-24T10:00:00Z"), new byte[] {1});
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/model.json"), "{");
        Outcome listed = trellis("models", "--dir", dir.toString());
        assertEquals(3, listed.code(), "a broken model is reported");
        assertTrue(listed.out().contains("lstm-btc") && listed.out().contains("deep-learning") && listed.out().contains("0.530")
                && listed.out().contains("btc-usd-1m 2013-11-25..2013-12-01"), listed.out());
        assertTrue(listed.err().contains("broken"), listed.err());
        Outcome json = trellis("models", "--dir", dir.toString(), "--json");
        assertEquals("lstm-btc", new ObjectMapper().readTree(json.out()).get(0).get("path").asText());
    }

    @Test
    void trainWithoutAFamilyListsTheTrainersAndAnUnknownOneIsAnError() {
        Outcome unknown = trellis("train", "no-such-family", "--epochs", "1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no trainer for 'no-such-family'"), unknown.err());
    }
}
