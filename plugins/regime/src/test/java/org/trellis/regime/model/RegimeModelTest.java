package org.trellis.regime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.ml.model.ModelNotFoundException;
import org.trellis.regime.RegimeInputs;
import org.trellis.regime.hmm.BaumWelch;
import org.trellis.regime.hmm.GaussianHmm;
import org.trellis.regime.hmm.SyntheticRegimes;

public class RegimeModelTest {
    public static GaussianHmm fitted() {
        double[][] rows = RegimeInputs.of(SyntheticRegimes.generate(4000, 3).closes());
        double[][] x = RegimeInputs.defined(rows, 0, rows.length);
        return BaumWelch.fit(x, new BaumWelch.Settings(3, 20, 1e-4, 1e-3, 1, 1)).model().sortedBy(1);
    }

    public static RegimeModel save(Path dir, GaussianHmm hmm) {
        ModelMetadata md = new ModelMetadata(null, 0, null, null, null, Map.of("states", hmm.states(), "inputs", RegimeInputs.NAMES),
                null, null, null, Map.of(), Map.of("trellis", "test"), null, 1, "2024-01-01T00:00:00Z");
        return RegimeModel.save(dir, hmm, md);
    }

    @Test
    void saveThenLoadGivesTheSameParametersBitForBit(@TempDir Path dir) {
        GaussianHmm hmm = fitted();
        save(dir, hmm);
        RegimeModel loaded = RegimeModel.open(dir);
        assertEquals(hmm, loaded.hmm());
        assertEquals(RegimeModel.FAMILY, loaded.metadata().family());
        assertEquals(RegimeModel.ARCHITECTURE, loaded.metadata().architecture());
        assertEquals(RegimeInputs.NAMES, loaded.metadata().features());
        assertEquals(RegimeInputs.NAMES, loaded.metadata().hyperparameters().get("inputs"));
        assertTrue(new RegimeFormat().canOpen(dir));
    }

    @Test
    void aTamperedParameterFileIsRefused(@TempDir Path dir) throws Exception {
        RegimeModel saved = save(dir, fitted());
        Path weights = dir.resolve(saved.metadata().weights().file());
        String text = Files.readString(weights);
        // a plausible edit: state 0's stay probability nudged, the row still summing to one is not checked first
        String edited = text.replaceFirst("(transition 0 )0\\.9", "$10.8");
        assertTrue(!edited.equals(text), text);
        Files.writeString(weights, edited);
        ModelException e = assertThrows(ModelException.class, () -> RegimeModel.open(dir));
        assertTrue(e.getMessage().contains("changed or damaged"), e.getMessage());
    }

    private static int lineOf(String text, String prefix) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void malformedParameterTextNamesTheLine() {
        byte[] good = HmmText.write(fitted(), List.of("c"));
        assertEquals(fitted(), HmmText.parse(good, "w"));
        String text = new String(good, StandardCharsets.UTF_8);
        ModelException bad = assertThrows(ModelException.class,
                () -> HmmText.parse(text.replaceFirst("mean 1 \\S+", "mean 1 x").getBytes(StandardCharsets.UTF_8), "w.params"));
        int meanLine = lineOf(text, "mean 1 ");
        assertTrue(bad.getMessage().startsWith("w.params:" + meanLine + ": ") && bad.getMessage().contains("not a number: 'x'"),
                bad.getMessage());
        ModelException sum = assertThrows(ModelException.class,
                () -> HmmText.parse(text.replaceFirst("start \\S+", "start 0.9").getBytes(StandardCharsets.UTF_8), "w.params"));
        assertTrue(sum.getMessage().startsWith("w.params:" + lineOf(text, "start ") + ": ") && sum.getMessage().contains("sum to 1"),
                sum.getMessage());
        ModelException variance = assertThrows(ModelException.class,
                () -> HmmText.parse(text.replaceFirst("variance 2 \\S+", "variance 2 -1").getBytes(StandardCharsets.UTF_8), "w.params"));
        assertTrue(variance.getMessage().startsWith("w.params:" + lineOf(text, "variance 2 ") + ": ")
                && variance.getMessage().contains("must be > 0"), variance.getMessage());
        ModelException cut = assertThrows(ModelException.class,
                () -> HmmText.parse(text.substring(0, text.indexOf("variance 2")).getBytes(StandardCharsets.UTF_8), "w.params"));
        assertTrue(cut.getMessage().contains("ends before its 'variance' line"), cut.getMessage());
    }

    @Test
    void aMissingModelSaysHowToTrainOne(@TempDir Path dir) {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> RegimeModel.open(dir.resolve("none")));
        assertTrue(e.getMessage().contains("train it with ./trellis train regime"), e.getMessage());
    }
}
