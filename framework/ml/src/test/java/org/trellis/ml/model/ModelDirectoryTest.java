package org.trellis.ml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
    @TempDir
    Path dir;

    static ModelMetadata metadata() {
        return new ModelMetadata(ModelMetadata.FORMAT, ModelMetadata.FORMAT_VERSION, "deep-learning", "lstm", "PyTorch",
                Map.of("hidden", 8, "window", 5), List.of("a", "b"),
                new ModelMetadata.ScalerStats(new double[] {1, 2}, new double[] {3, 4}),
                new ModelMetadata.DataRange("btc-usd-1m", "2013-11-25T00:00:00Z", "2013-12-01T00:00:00Z", 100, "x", "y"),
                Map.of("test_accuracy", 0.5), Map.of("trellis", "test"), null, 42, "2026-11-24T00:00:00Z");
    }

    @Test
    void weightsAndMetadataRoundTrip() {
        byte[] weights = {1, 2, 3, 4};
        ModelDirectory.write(dir, metadata(), weights);
        ModelDirectory opened = ModelDirectory.open(dir, "./trellis train x");
        assertArrayEquals(weights, opened.weights());
        assertEquals(metadata().hyperparameters(), opened.metadata().hyperparameters());
        assertArrayEquals(new double[] {3, 4}, opened.metadata().scaler().std());
        assertEquals(8, opened.metadata().intParameter("hidden"));
    }

    @Test
    void savingAgainReplacesTheWeightsAndLeavesNoStaleFile() throws Exception {
        ModelDirectory.write(dir, metadata(), new byte[] {1});
        ModelDirectory.write(dir, metadata(), new byte[] {2});
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "model.json and one weights file");
        }
        assertArrayEquals(new byte[] {2}, ModelDirectory.open(dir, "x").weights());
    }

    @Test
    void aTamperedWeightsFileIsRefusedWithAMessage() throws Exception {
        ModelMetadata written = ModelDirectory.write(dir, metadata(), new byte[] {1, 2, 3, 4});
        Files.write(dir.resolve(written.weights().file()), new byte[] {1, 2, 3, 5});
        ModelException e = assertThrows(ModelException.class, () -> ModelDirectory.open(dir, "x").weights());
        assertTrue(e.getMessage().contains("do not match") && e.getMessage().contains("train the model again"), e.getMessage());
    }

    @Test
    void aMissingModelSaysHowToTrainOne() {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> ModelDirectory.open(dir.resolve("nothing"), "./trellis train deep-learning --model lstm"));
        assertTrue(e.getMessage().contains("train it with ./trellis train deep-learning --model lstm"), e.getMessage());
    }

    @Test
    void brokenMetadataNamesTheFileAndLine() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{\n \"format\": \"trellis-model\",\n \"formatVersion\": oops\n}");
        ModelException e = assertThrows(ModelException.class, () -> ModelDirectory.open(dir, "x"));
        assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void weightsOutsideTheFolderAreRefused() throws Exception {
        ModelDirectory.write(dir, metadata(), new byte[] {1});
        String json = Files.readString(dir.resolve("model.json")).replaceAll("\"file\" : \"[^\"]+\"", "\"file\" : \"../../etc/passwd\"");
        Files.writeString(dir.resolve("model.json"), json);
        assertThrows(ModelException.class, () -> ModelDirectory.open(dir, "x").weights());
    }
}
