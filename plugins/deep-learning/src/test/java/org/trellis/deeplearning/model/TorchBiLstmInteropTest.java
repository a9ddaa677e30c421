package org.trellis.deeplearning.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.ml.engine.Engines;

/**
 * Our BiLSTM has PyTorch's LSTM semantics: the weights of a TorchScript {@code nn.LSTM(12, 16,
 * bidirectional=True, batch_first=True)} + {@code nn.Linear(32, 1)} on the last time step, copied into
 * a {@link BiLstmClassifier}, reproduce the logits Python computed (data/interop, made with
 * python3-torch 1.13.1), on both engines: the gate layout of DJL's LSTM parameters is PyTorch's on each.
 */
class TorchBiLstmInteropTest {
    private static final Path INTEROP = Path.of("../../data/interop");

    /** Our parameter name (DJL prefixes each child with its position) -> the TorchScript module's. */
    private static final Map<String, String> TORCH_NAMES = Map.of(
            "01bilstm_01forward0_l_0_i2h_WEIGHT", "lstm.weight_ih_l0",
            "01bilstm_01forward0_l_0_h2h_WEIGHT", "lstm.weight_hh_l0",
            "01bilstm_01forward0_l_0_i2h_BIAS", "lstm.bias_ih_l0",
            "01bilstm_01forward0_l_0_h2h_BIAS", "lstm.bias_hh_l0",
            "01bilstm_02backward0_l_0_i2h_WEIGHT", "lstm.weight_ih_l0_reverse",
            "01bilstm_02backward0_l_0_h2h_WEIGHT", "lstm.weight_hh_l0_reverse",
            "01bilstm_02backward0_l_0_i2h_BIAS", "lstm.bias_ih_l0_reverse",
            "01bilstm_02backward0_l_0_h2h_BIAS", "lstm.bias_hh_l0_reverse",
            "02head_weight", "fc.weight",
            "02head_bias", "fc.bias");

    @ParameterizedTest
    @MethodSource("org.trellis.deeplearning.model.ClassifierTesting#engines")
    void torchWeightsReproduceTorchLogits(String engine) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(INTEROP.resolve("bilstm_example_expected.json").toFile());
        int batch = expected.get("inputs_shape").get(0).asInt();
        int window = expected.get("inputs_shape").get(1).asInt();
        int features = expected.get("inputs_shape").get(2).asInt();

        Map<String, float[]> torchWeights = new HashMap<>();
        Map<String, Shape> torchShapes = new HashMap<>();
        try (Model torch = Model.newInstance("bilstm-example", Engines.get(Engines.PYTORCH).getEngineName())) {
            torch.load(INTEROP, "bilstm_example.pt");
            for (Pair<String, Parameter> parameter : torch.getBlock().getParameters()) {
                NDArray array = parameter.getValue().getArray();
                torchWeights.put(parameter.getKey(), array.toFloatArray());
                torchShapes.put(parameter.getKey(), array.getShape());
            }
        }
        assertEquals(TORCH_NAMES.size(), torchWeights.size(), "parameters of the TorchScript module: "
                + torchWeights.keySet());

        BiLstmClassifier classifier = new LstmConfig(16, 1, 0f).build(features, window);
        try (Model model = ClassifierTesting.model(engine, classifier)) {
            NDManager manager = model.getNDManager();
            classifier.initialize(manager);
            for (Pair<String, Parameter> parameter : classifier.getParameters()) {
                String torchName = TORCH_NAMES.get(parameter.getKey());
                NDArray ours = parameter.getValue().getArray();
                assertEquals(torchShapes.get(torchName), ours.getShape(), parameter.getKey() + " vs " + torchName);
                ours.set(FloatBuffer.wrap(torchWeights.get(torchName)));
            }

            float[] inputs = new float[batch * window * features];
            int i = 0;
            for (JsonNode row : expected.get("inputs")) {
                for (JsonNode step : row) {
                    for (JsonNode value : step) {
                        inputs[i++] = (float) value.asDouble();
                    }
                }
            }
            assertEquals(inputs.length, i);
            float[] logits = ClassifierTesting.infer(classifier, manager,
                    manager.create(inputs, classifier.inputShape(batch))).toFloatArray();
            double maxError = 0;
            for (int b = 0; b < batch; b++) {
                double error = Math.abs(logits[b] - expected.get("logits").get(b).asDouble());
                maxError = Math.max(maxError, error);
                assertEquals(expected.get("logits").get(b).asDouble(), logits[b], 1e-5, "logit " + b);
            }
            System.out.printf("BiLstmClassifier on %s vs PyTorch 1.13.1 logits: max abs error %.3g over %d windows%n",
                    engine, maxError, batch);
        }
    }
}
