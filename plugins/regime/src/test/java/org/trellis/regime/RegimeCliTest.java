package org.trellis.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.regime.hmm.ForwardFilter;
import org.trellis.regime.model.RegimeModel;
import org.trellis.runtime.cli.Main;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;

/** What a user types: train, predict, and trade with the regime filter in the real engine. */
class RegimeCliTest {
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
    static Path btcModel;

    @BeforeAll
    static void trainOnBtc() {
        btcModel = shared.resolve("regime-btc");
        Outcome trained = trellis("train", "regime", "--data", "btc-usd-1m", "--iterations", "40", "--seed", "3", "--out",
                btcModel.toString());
        assertEquals(0, trained.code(), trained.err());
    }

    @Test
    void trainPrintsProgressAndStatesThenPredictGivesFilteredProbabilities(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("models/regime-eth");
        Outcome trained = trellis("train", "regime", "--data", "eth-usd-5m", "--iterations", "5", "--out", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("first 70% of its bars (406 of 580") && trained.err().contains("iteration   5  log-likelihood"),
                trained.err());
        assertTrue(trained.out().contains("Saved " + model) && trained.out().contains("expected duration")
                && trained.out().contains("regime 'hmm', path: '" + model + "', block: '0'"), trained.out());
        assertEquals(3 + 1, trained.out().lines().filter(l -> l.matches("^[0-2] .*bars$")).count() + 1, trained.out());

        Outcome listed = trellis("models", "--dir", dir.resolve("models").toString());
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("regime-eth") && listed.out().contains("gaussian-hmm"), listed.out());

        // two samples: the last 50 observations, and the last 10
        ColumnarBarSeries eth = BundledData.bars("eth-usd-5m");
        double[][] rows = RegimeInputs.of(eth);
        StringBuilder json = new StringBuilder("{\"inputs\": [");
        int[] lengths = {50, 10};
        for (int s = 0; s < 2; s++) {
            json.append(s == 0 ? "" : ",").append('[');
            for (int t = rows.length - lengths[s]; t < rows.length; t++) {
                json.append(t == rows.length - lengths[s] ? "" : ",").append('[').append(rows[t][0]).append(',').append(rows[t][1])
                        .append(']');
            }
            json.append(']');
        }
        Path input = dir.resolve("in.json");
        Files.writeString(input, json.append("]}").toString());
        Outcome predicted = trellis("models", "predict", model.toString(), "--input", input.toString());
        assertEquals(0, predicted.code(), predicted.err());
        JsonNode outputs = new ObjectMapper().readTree(predicted.out()).get("outputs");
        assertEquals(2, outputs.size());
        RegimeModel loaded = RegimeModel.open(model);
        // a run starts at an arbitrary bar: from the chain's long-run share of each state, not from the first training bar's
        org.junit.jupiter.api.Assertions.assertArrayEquals(loaded.hmm().stationary(), loaded.hmm().start(), 1e-12);
        for (int s = 0; s < 2; s++) {
            ForwardFilter filter = new ForwardFilter(loaded.hmm());
            for (int t = rows.length - lengths[s]; t < rows.length; t++) {
                // predict reads float inputs, as every model input file is read
                filter.update(new double[] {(float) rows[t][0], (float) rows[t][1]});
            }
            assertEquals(3, outputs.get(s).size());
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                assertEquals((float) filter.probability(i), outputs.get(s).get(i).floatValue(), 1e-6, predicted.out());
                sum += outputs.get(s).get(i).asDouble();
            }
            assertEquals(1, sum, 1e-5);
        }
    }

    @Test
    void theGuardVetoesEntriesInStateZeroAndNeverBlocksExitsInABacktest(@TempDir Path dir) throws Exception {
        JsonNode free = backtest(dir, "free");
        JsonNode guarded = backtest(dir, "guarded", "hmm:path=" + btcModel + ",block=0");
        int vetoed = guarded.at("/vetoes/regime-blocked").asInt();
        assertTrue(vetoed > 0, guarded.at("/vetoes").toString());
        int all = free.at("/performance/trades").asInt();
        int kept = guarded.at("/performance/trades").asInt();
        assertTrue(kept > 0 && kept < all, kept + " of " + all);

        // the filtered P(state 0) at every bar, computed here from the saved model, bar by bar
        ColumnarBarSeries btc = BundledData.bars("btc-usd-1m");
        ForwardFilter filter = new ForwardFilter(RegimeModel.open(btcModel).hmm());
        RegimeInputs inputs = new RegimeInputs();
        double[] obs = new double[2];
        double[] calm = new double[btc.size()];
        Map<Long, Integer> index = new HashMap<>();
        for (int t = 0; t < btc.size(); t++) {
            index.put(btc.time(t), t);
            if (inputs.update(btc.close(t))) {
                inputs.observation(obs);
                filter.update(obs);
                calm[t] = filter.probability(0);
            } else {
                calm[t] = Double.NaN;
            }
        }
        List<String> trades = Files.readAllLines(dir.resolve("guarded.csv"));
        int exitsInCalm = 0;
        for (String line : trades.subList(1, trades.size())) {
            String[] f = line.split(",");
            // next-open fills: an order decided at bar i's close fills at bar i+1's open, the trade's time
            int entry = index.get(Instant.parse(f[2]).toEpochMilli()) - 1;
            assertTrue(!(calm[entry] >= 0.5), "an entry decided at bar " + entry + " with P(state 0) = " + calm[entry] + ": " + line);
            Integer exit = index.get(Instant.parse(f[4]).toEpochMilli());
            if (exit != null && calm[exit - 1] >= 0.5) {
                exitsInCalm++;
            }
        }
        assertTrue(exitsInCalm > 0, "exits decided in state 0 go through (" + (trades.size() - 1) + " trades)");
    }

    @Test
    void aScriptUsesTheRegimeKeyword(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("regime.groovy");
        Files.writeString(script, "strategy('calm-filter') {\n    data 'btc-usd-1m'\n    model 'sma-cross'\n"
                + "    regime 'hmm', path: '" + btcModel + "', block: '0'\n    capital 10_000\n}\n");
        Path report = dir.resolve("report.json");
        Outcome ran = trellis("run", script.toString(), "--no-journal", "--quiet", "--report-json", report.toString());
        assertEquals(0, ran.code(), ran.err());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertTrue(r.toString().contains("regime-blocked"), r.toString().substring(0, Math.min(2000, r.toString().length())));

        Files.writeString(script, "strategy('missing') {\n    data 'btc-usd-1m'\n    model 'sma-cross'\n    regime 'hmm', path: '"
                + dir.resolve("nothing") + "'\n}\n");
        Outcome missing = trellis("run", script.toString(), "--no-journal", "--quiet");
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("train it with ./trellis train regime"), missing.err());
    }

    /** A model fitted on minute bars refuses hourly ones (their volatility is of another scale), naming both spacings. */
    @Test
    void aModelFittedOnOneBarSizeRefusesAnother(@TempDir Path dir) throws Exception {
        assertEquals(60_000L, RegimeModel.open(btcModel).barMillis());
        Outcome hourly = trellis("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1h", "--quiet", "--no-journal",
                "--guard", "hmm:path=" + btcModel);
        assertEquals(2, hourly.code(), hourly.err());
        assertTrue(hourly.err().contains("was fitted on bars 60 s apart, but BTC/USD bars are 3600 s apart"), hourly.err());
    }

    static JsonNode backtest(Path dir, String name, String... guards) throws Exception {
        Path json = dir.resolve(name + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m",
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
