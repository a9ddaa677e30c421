package org.trellis.auditor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.cli.Main;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.journal.Journal;

/** The xgboost guard in the real engine, through the CLI and a script. */
class AuditorCliTest {
    record Outcome(int code, String out, String err) {
    }

    static Outcome trellis(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @TempDir
    static Path shared;
    static Path model;
    static ColumnarBarSeries btc;
    static double median;
    static double range;

    /**
     * An auditor over sma-cross's own features: an entry is "profitable" exactly when the 10-bar SMA
     * at its signal bar is above the median close of the data, whatever its confidence and direction.
     */
    @BeforeAll
    static void trainAnAuditorThatLikesHighPrices() {
        btc = BundledData.bars("btc-usd-1m");
        double[] closes = new double[btc.size()];
        for (int t = 0; t < closes.length; t++) {
            closes[t] = btc.close(t);
        }
        double[] sorted = closes.clone();
        Arrays.sort(sorted);
        median = sorted[sorted.length / 2];
        range = sorted[sorted.length - 1] - sorted[0];
        Random random = new Random(3);
        float[][] rows = new float[3000][];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double sma = sorted[0] + random.nextDouble() * range;
            rows[i] = new float[] {(float) sma, random.nextBoolean() ? Float.NaN : random.nextFloat(), random.nextBoolean() ? 1 : -1};
            labels[i] = sma > median ? 1 : 0;
        }
        model = shared.resolve("models/high-prices.json");
        try (XgboostAuditor auditor = XgboostAuditor.train(rows, labels, List.of("sma10", "confidence", "direction"),
                XgboostAuditor.Settings.defaults(1))) {
            auditor.save(model);
        }
    }

    static double sma10(int t) {
        double sum = 0;
        for (int k = t - 9; k <= t; k++) {
            sum += btc.close(k);
        }
        return sum / 10;
    }

    @Test
    void vetoesEntriesBelowTheThresholdApprovesAboveAndJournalsTheProbability(@TempDir Path dir) throws Exception {
        JsonNode free = backtest(dir, "free");
        JsonNode all = backtest(dir, "approve-all", "xgboost:path=" + model + ",approve=0");
        assertEquals(free.at("/performance/trades").asInt(), all.at("/performance/trades").asInt(), "approve 0 keeps every entry");
        JsonNode guarded = backtest(dir, "guarded", "xgboost:path=" + model + ",approve=0.6");
        int vetoed = guarded.at("/vetoes/auditor-rejected").asInt();
        int trades = free.at("/performance/trades").asInt();
        int kept = guarded.at("/performance/trades").asInt();
        assertTrue(vetoed > 0 && kept > 0 && kept < trades, vetoed + " vetoed, " + kept + " of " + trades + " kept");

        Map<Long, Integer> index = new HashMap<>();
        for (int t = 0; t < btc.size(); t++) {
            index.put(btc.time(t), t);
        }
        List<String> lines = Files.readAllLines(dir.resolve("guarded.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            // next-open fills: the entry was decided (and audited) at the close of the bar before its fill
            int decided = index.get(Instant.parse(f[2]).toEpochMilli()) - 1;
            assertTrue(sma10(decided) > median - 0.01 * range, "approved an entry at SMA " + sma10(decided) + " (median " + median
                    + "): " + line);
        }

        // the journal holds the guard's state: every entry audited once (exits never), the last one's probability
        try (Journal journal = Journal.openReader(dir.resolve("guarded.db"))) {
            List<Journal.GuardStateRow> states = journal.guardStates();
            Journal.GuardStateRow row = states.stream().filter(s -> s.guard().equals("xgboost")).findFirst().orElseThrow(
                    () -> new AssertionError("no xgboost state in " + states));
            JsonNode state = new ObjectMapper().readTree(row.state());
            assertEquals(vetoed, state.get("rejected").asInt(), state.toString());
            int approved = state.get("approved").asInt();
            assertTrue(approved == kept || approved == kept + 1, approved + " approved, " + kept + " trades: " + state);
            assertEquals(approved + vetoed, state.get("reviewed").asInt());
            JsonNode last = state.at("/lastEntries/" + btcSymbol(dir));
            double p = last.get("probability").asDouble();
            assertTrue(p >= 0 && p <= 1 && last.get("approved").asBoolean() == p > 0.6, last.toString());
            assertEquals(0.6, state.get("approve").asDouble());
        }
    }

    static String btcSymbol(Path dir) throws Exception {
        String header = Files.readAllLines(dir.resolve("guarded.csv")).get(1);
        return header.split(",")[0].replace("/", "~1");
    }

    @Test
    void aScriptUsesTheAuditorKeywordAndAMissingFeatureFailsNamingIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("audited.groovy");
        Files.writeString(script, "strategy('audited') {\n    data 'btc-usd-1m'\n    model 'sma-cross'\n"
                + "    auditor 'xgboost', path: '" + model + "', approve: 0.6\n    capital 10_000\n}\n");
        Path report = dir.resolve("report.json");
        Outcome ran = trellis("run", script.toString(), "--no-journal", "--quiet", "--report-json", report.toString());
        assertEquals(0, ran.code(), ran.err());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertTrue(r.toString().contains("auditor-rejected"), r.toString().substring(0, Math.min(2000, r.toString().length())));

        Path other = dir.resolve("rsi.json");
        Files.copy(model, other);
        Files.writeString(XgboostAuditor.inputsFile(other), "{\"inputs\": [\"rsi14\", \"confidence\", \"direction\"]}");
        Files.writeString(script, "strategy('missing') {\n    data 'btc-usd-1m'\n    model 'sma-cross'\n    auditor 'xgboost', path: '"
                + other + "'\n}\n");
        Outcome missing = trellis("run", script.toString(), "--no-journal", "--quiet");
        assertEquals(2, missing.code(), missing.err() + missing.out());
        assertTrue(missing.err().contains("'rsi14'") && missing.err().contains("sma10") && missing.err().contains("features keyword"),
                missing.err());
    }

    @Test
    void trainAuditorFromMetaLabelsThenModelsPredictGivesItsProbabilities(@TempDir Path dir) throws Exception {
        Random random = new Random(8);
        StringBuilder csv = new StringBuilder("rsi14,confidence,direction,label\n");
        StringBuilder inputs = new StringBuilder("{\"inputs\": [");
        float[][] probe = new float[5][];
        for (int i = 0; i < 600; i++) {
            double rsi = random.nextDouble() * 100;
            double confidence = random.nextDouble();
            int direction = random.nextBoolean() ? 1 : -1;
            boolean good = direction > 0 ? rsi < 40 : rsi > 60;
            csv.append(rsi).append(',').append(i % 50 == 0 ? "" : Double.toString(confidence)).append(',').append(direction).append(',')
                    .append(good ? 1 : 0).append('\n');
            if (i < probe.length) {
                probe[i] = new float[] {(float) rsi, i % 50 == 0 ? Float.NaN : (float) confidence, direction};
                inputs.append(i == 0 ? "" : ",").append('[').append((float) rsi).append(',').append(probe[i][1]).append(',')
                        .append(direction).append(']');
            }
        }
        Path labels = dir.resolve("meta.csv");
        Files.writeString(labels, csv);
        Path out = dir.resolve("models/meta.json");
        Outcome trained = trellis("train", "auditor", "--labels", labels.toString(), "--rounds", "30", "--seed", "5", "--out",
                out.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("first 420 of 600 rows") && trained.err().contains("[rsi14, confidence, direction]"),
                trained.err());
        assertTrue(trained.out().contains("Saved " + out) && trained.out().contains("Held out 180 rows: accuracy")
                && trained.out().contains("auditor 'xgboost', path: '" + out + "', approve: 0.6"), trained.out());

        // NaN is not JSON: the probe row with a missing confidence is left to the Java check below
        Path in = dir.resolve("rows.json");
        Files.writeString(in, inputs.append("]}").toString().replace("[" + probe[0][0] + ",NaN,", "[" + probe[0][0] + ",0.5,"));
        probe[0][1] = 0.5f;
        Outcome predicted = trellis("models", "predict", out.toString(), "--input", in.toString());
        assertEquals(0, predicted.code(), predicted.err());
        JsonNode outputs = new ObjectMapper().readTree(predicted.out()).get("outputs");
        try (XgboostAuditor loaded = XgboostAuditor.load(out)) {
            assertEquals(List.of("rsi14", "confidence", "direction"), loaded.inputs());
            for (int i = 0; i < probe.length; i++) {
                assertEquals(loaded.probability(probe[i]), outputs.get(i).floatValue(), 0f, predicted.out());
            }
        }

        Files.writeString(labels, "rsi14,label\n30,1\n31,maybe\n");
        Outcome bad = trellis("train", "auditor", "--labels", labels.toString(), "--out", out.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("meta.csv line 3, column 'label': 'maybe' is not 0 or 1"), bad.err());
        Files.writeString(labels, "rsi14,confidence\n30,1\n");
        Outcome noLabel = trellis("train", "auditor", "--labels", labels.toString(), "--out", out.toString());
        assertEquals(2, noLabel.code(), noLabel.err());
        assertTrue(noLabel.err().contains("no 'label' column"), noLabel.err());
    }

    static JsonNode backtest(Path dir, String name, String... guards) throws Exception {
        Path json = dir.resolve(name + ".json");
        List<String> args = new ArrayList<>(List.of("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m",
                "--quiet", "--journal", dir.resolve(name + ".db").toString(), "--report-json", json.toString(),
                "--export-trades", dir.resolve(name + ".csv").toString()));
        for (String g : guards) {
            args.add("--guard");
            args.add(g);
        }
        Outcome o = trellis(args.toArray(new String[0]));
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(json.toFile());
    }
}
