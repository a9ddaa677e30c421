package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The source system's three profiles (strategies/sniper, audited, reckless .groovy) end to end
 * through the launcher, on the bundled BTC minute bars: their first run trains the contrastive
 * transformer, the HMM and the auditor (on its primary's trades) from the scripts' train statements,
 * {@code compare} prints the side-by-side table, and a second run reuses the models.
 *
 * <p>The scripts are the shipped ones with three changes, each asserted to apply: models go to a
 * temporary folder, the transformer is tiny and trained for a step or two, and the auditor learns
 * from the primary's signals above 0.5 rather than 0.75 (a barely trained model is seldom 75% sure).
 */
class ProfilesIT {
    private static final List<String> PROFILES = List.of("sniper", "audited", "reckless");
    private static final String TINY = ", dModel: 16, heads: 2, layers: 1, contrastiveEpochs: 1, probeEpochs: 20, batch: 256";

    @Test
    void theThreeProfilesTrainOnFirstUseCompareSideBySideAndReuseTheirModels() throws Exception {
        Path dir = Files.createTempDirectory("trellis-profiles");
        List<String> scripts = new ArrayList<>();
        for (String profile : PROFILES) {
            String text = Files.readString(DistributionIT.ROOT.resolve("strategies/" + profile + ".groovy"));
            String moved = replace(text, "'models/", "'" + dir.resolve("models") + "/");
            String tiny = replace(moved, "data: 'btc-usd-1m'\n", "data: 'btc-usd-1m'" + TINY + "\n", "train 'contrastive'");
            String rewritten = profile.equals("audited") ? replace(tiny, "threshold: 0.75\n", "threshold: 0.5\n") : tiny;
            Path copy = dir.resolve(profile + ".groovy");
            Files.writeString(copy, rewritten);
            scripts.add(copy.toString());
        }
        Path html = dir.resolve("compare.html");
        List<String> compare = new ArrayList<>(List.of("compare"));
        compare.addAll(scripts);
        compare.addAll(List.of("--html", html.toString(), "--no-journal", "--from", "2013-11-30T17:00:00Z"));

        String first = DistributionIT.launcher(15, compare.toArray(new String[0]));
        assertTrue(Files.isDirectory(dir.resolve("models/contrastive-btc-usd-1m")), "the contrastive model was trained and kept");
        assertTrue(Files.isDirectory(dir.resolve("models/regime-btc-usd-1m")), "the regime model was trained and kept");
        assertTrue(Files.isRegularFile(dir.resolve("models/auditor-btc-usd-1m.json")), "the auditor was trained and kept");
        assertTrue(first.lines().anyMatch(l -> PROFILES.stream().allMatch(l::contains)), "a column per profile:\n" + first);
        assertTrue(first.lines().anyMatch(l -> l.strip().startsWith("Trades")), first);
        assertTrue(Files.readString(html).contains("audited"), "the HTML comparison is written");

        List<Path> models = List.of(dir.resolve("models/contrastive-btc-usd-1m/model.json"),
                dir.resolve("models/regime-btc-usd-1m/model.json"), dir.resolve("models/auditor-btc-usd-1m.json"));
        List<Object> saved = new ArrayList<>();
        for (Path m : models) {
            saved.add(Files.getLastModifiedTime(m));
        }
        Path report = dir.resolve("audited.json");
        DistributionIT.launcher(10, "run", scripts.get(1), "--quiet", "--no-journal", "--from", "2013-11-30T17:00:00Z",
                "--report-json", report.toString());
        for (int i = 0; i < models.size(); i++) {
            assertEquals(saved.get(i), Files.getLastModifiedTime(models.get(i)), "reused, not trained again: " + models.get(i));
        }
        // the whole audited pipeline (features, transformer, regime filter, auditor) reads no future bar
        String lookahead = DistributionIT.launcher(10, "check", "lookahead", scripts.get(1), "--cuts", "2", "--from",
                "2013-11-30T17:00:00Z");
        assertTrue(lookahead.contains("clean: 0 of"), lookahead);
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals("contrastive", r.at("/params/model").asText());
        assertTrue(r.at("/bars").asInt() > 1_000, "the held-out bars were run: " + r.at("/bars"));
    }

    private static String replace(String text, String what, String with) {
        assertTrue(text.contains(what), "the script still has " + what);
        return text.replace(what, with);
    }

    /** Replaces {@code what} only on the line that starts with {@code line}. */
    private static String replace(String text, String what, String with, String line) {
        StringBuilder b = new StringBuilder();
        boolean done = false;
        for (String l : text.split("(?<=\n)")) {
            if (l.startsWith(line) && l.contains(what)) {
                l = l.replace(what, with);
                done = true;
            }
            b.append(l);
        }
        assertTrue(done, "the script has a line " + line + " ... " + what);
        return b.toString();
    }
}
