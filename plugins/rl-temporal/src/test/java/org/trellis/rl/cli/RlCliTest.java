package org.trellis.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.rl.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.rl.Cli.Outcome;
import org.trellis.rl.Lacuna;
import org.trellis.rl.io.SafetensorsReader;
import org.trellis.rl.io.Tensor;

/** What a user types: rl import, models predict (plain Java and on an engine), rl export, through the real CLI. */
class RlCliTest {
    @Test
    void importPredictAndExportTheUpstreamWeights(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("agent");
        Outcome imported = trellis("rl", "import", Lacuna.WEIGHTS.toString(), "--out", model.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Imported 36 tensors") && imported.out().contains("count 24325"), imported.out());

        List<Lacuna.Case> cases = Lacuna.cases().subList(0, 4);
        Path input = writeInputs(dir.resolve("in.json"), cases, 0);
        for (String[] engine : new String[][] {{}, {"--engine", "pytorch"}}) {
            String[] args = concat(new String[] {"models", "predict", model.toString(), "--input", input.toString()}, engine);
            Outcome predicted = trellis(args);
            assertEquals(0, predicted.code(), predicted.err());
            JsonNode outputs = new ObjectMapper().readTree(predicted.out()).get("outputs");
            assertEquals(cases.size(), outputs.size());
            for (int c = 0; c < cases.size(); c++) {
                for (int a = 0; a < 3; a++) {
                    assertEquals(cases.get(c).probabilities()[a], outputs.get(c).get(a).asDouble(), 1e-5, List.of(engine) + " case " + c);
                }
                assertEquals(cases.get(c).value(), outputs.get(c).get(3).asDouble(), 1e-5, List.of(engine) + " case " + c);
            }
        }

        Path exported = dir.resolve("out/agent.safetensors");
        Outcome export = trellis("rl", "export", model.toString(), "--out", exported.toString());
        assertEquals(0, export.code(), export.err());
        Map<String, Tensor> upstream = SafetensorsReader.read(Lacuna.WEIGHTS);
        Map<String, Tensor> written = SafetensorsReader.read(exported);
        assertEquals(upstream.keySet(), written.keySet());
        upstream.forEach((name, tensor) -> assertTrue(tensor.sameBits(written.get(name)), name + " bit for bit"));

        // export -> import -> export: the same file
        Path again = dir.resolve("again");
        assertEquals(0, trellis("rl", "import", exported.toString(), "--stats", Lacuna.STATS.toString(), "--out", again.toString()).code());
        Path exportedAgain = dir.resolve("again.safetensors");
        assertEquals(0, trellis("rl", "export", again.toString(), "--out", exportedAgain.toString()).code());
        assertEquals(-1, Files.mismatch(exported, exportedAgain));
    }

    @Test
    void badInputsAreRefusedWithTheFileNamed(@TempDir Path dir) throws Exception {
        Path broken = Files.write(dir.resolve("broken.safetensors"), new byte[] {1, 2, 3});
        Outcome refused = trellis("rl", "import", broken.toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains(broken.toString()), refused.err());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing written");

        Path model = dir.resolve("agent");
        assertEquals(0, trellis("rl", "import", Lacuna.WEIGHTS.toString(), "--out", model.toString()).code());
        Path input = Files.writeString(dir.resolve("in.json"), "{\"inputs\": [[[1, 2, 3]]]}");
        Outcome wrongShape = trellis("models", "predict", model.toString(), "--input", input.toString());
        assertEquals(2, wrongShape.code());
        assertTrue(wrongShape.err().contains("expects [5, 18]"), wrongShape.err());

        Outcome missing = trellis("rl", "export", dir.resolve("nothing").toString(), "--out", dir.resolve("x.safetensors").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("rl import"), missing.err());
    }

    @Test
    void pluginCommandsAreListedAndUnknownCommandsStillRefused() {
        Outcome help = trellis("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Plugin commands:") && help.out().contains("rl "), help.out());
        Outcome unknown = trellis("no-such-command");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unmatched argument") && unknown.err().contains("no-such-command"), unknown.err());
    }

    @Test
    void aShorterHistoryIsZeroPaddedAtTheFront(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("agent");
        assertEquals(0, trellis("rl", "import", Lacuna.WEIGHTS.toString(), "--out", model.toString()).code());
        // reference case 0 starts with an all-zero row: its last four rows alone give the same outputs
        Lacuna.Case first = Lacuna.cases().get(0);
        Path input = writeInputs(dir.resolve("short.json"), List.of(first), 1);
        ObjectMapper json = new ObjectMapper();
        Outcome predicted = trellis("models", "predict", model.toString(), "--input", input.toString());
        assertEquals(0, predicted.code(), predicted.err());
        assertEquals(first.value(), json.readTree(predicted.out()).get("outputs").get(0).get(3).asDouble(), 1e-5);
    }

    /** A models predict input of each case's history from row {@code fromRow} on. */
    private static Path writeInputs(Path file, List<Lacuna.Case> cases, int fromRow) throws Exception {
        ObjectNode doc = new ObjectMapper().createObjectNode();
        ArrayNode inputs = doc.putArray("inputs");
        for (Lacuna.Case c : cases) {
            ArrayNode rows = inputs.addArray();
            for (int t = fromRow; t < 5; t++) {
                ArrayNode row = rows.addArray();
                for (int f = 0; f < 18; f++) {
                    row.add(c.history()[t * 18 + f]);
                }
            }
        }
        return Files.writeString(file, doc.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
