package org.trellis.ml.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.predict.ModelFormats;
import org.trellis.ml.predict.PredictInputs;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.Sample;

/** The BiLSTM exported by PyTorch 1.13 (data/interop) reproduces the logits PyTorch recorded. */
class PythonModelsTest {
    static final Path INTEROP = Path.of("../../data/interop");

    static ModelFormats formats() {
        return new ModelFormats(ServiceLoader.load(ModelFormat.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bilstm_example.pt", "bilstm_example.onnx"})
    void reproducesTheRecordedLogits(String file) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(INTEROP.resolve("bilstm_example_expected.json").toFile());
        List<Sample> samples = PredictInputs.parse(expected, "expected");
        assertEquals(16, samples.size());
        try (LoadedModel model = formats().forPath(INTEROP.resolve(file)).open(INTEROP.resolve(file), null)) {
            List<float[]> outputs = model.predict(samples);
            assertTrue(model.scalarOutput(), "one logit per sample");
            for (int i = 0; i < samples.size(); i++) {
                assertEquals(expected.get("logits").get(i).asDouble(), outputs.get(i)[0], 1e-5, file + " sample " + i);
            }
            // one sample at a time gives the same numbers as the batch
            assertEquals(outputs.get(3)[0], model.predict(List.of(samples.get(3))).get(0)[0], 1e-6);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bilstm_example.pt", "bilstm_example.onnx"})
    void anInputOfTheWrongShapeSaysSo(String file) {
        try (LoadedModel model = formats().forPath(INTEROP.resolve(file)).open(INTEROP.resolve(file), null)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(List.of(new Sample(new float[7], new int[] {7}))));
            assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bilstm_example.pt", "bilstm_example.onnx"})
    void theWrongEngineIsRefusedUpFront(String file) {
        Path path = INTEROP.resolve(file);
        assertThrows(IllegalArgumentException.class, () -> formats().forPath(path).open(path, "MXNet"));
    }

    @org.junit.jupiter.api.Test
    void unknownFilesAndBrokenModelsGetClearErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("x.txt"), "hello");
        ModelException none = assertThrows(ModelException.class, () -> formats().forPath(dir.resolve("x.txt")));
        assertTrue(none.getMessage().contains("onnx") && none.getMessage().contains("torchscript"), none.getMessage());
        java.nio.file.Files.writeString(dir.resolve("broken.onnx"), "not a graph");
        ModelException broken = assertThrows(ModelException.class,
                () -> formats().forPath(dir.resolve("broken.onnx")).open(dir.resolve("broken.onnx"), null));
        assertTrue(broken.getMessage().contains("broken.onnx"), broken.getMessage());
    }

    @org.junit.jupiter.api.Test
    void raggedInputsNameTheirPlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PredictInputs.parse(
                new ObjectMapper().readTree("{\"inputs\": [[[1,2],[3]]]}"), "f.json"));
        assertTrue(e.getMessage().contains("f.json: inputs[0][1] is ragged"), e.getMessage());
    }
}
