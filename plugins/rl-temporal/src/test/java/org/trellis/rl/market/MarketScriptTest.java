package org.trellis.rl.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.rl.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.rl.Cli.Outcome;
import org.trellis.rl.Lacuna;

/** A script's strategy block on market 'binary-15m', through the real CLI: run, report, check, and every misuse named. */
class MarketScriptTest {
    @TempDir
    static Path dir;
    static Path agent;

    @BeforeAll
    static void importTheUpstreamAgent() {
        agent = dir.resolve("agent");
        Outcome imported = trellis("rl", "import", Lacuna.WEIGHTS.toString(), "--out", agent.toString());
        assertEquals(0, imported.code(), imported.err());
    }

    private static Path script(String name, String body) throws Exception {
        Path file = dir.resolve(name + ".groovy");
        Files.writeString(file, "strategy('agent') {\n" + body.replace("AGENT", agent.toString()) + "\n}\n");
        return file;
    }

    private static final String MARKET = "    market 'binary-15m', assets: 'eth,sol', windows: 4, 'tick-seconds': 15\n";
    private static final String MODEL = "    model 'rl-temporal', path: 'AGENT'\n";

    @Test
    void aMarketBlockRunsAndReportsLikeAnyStrategy() throws Exception {
        Path s = script("ok", MARKET + MODEL + "    costs fee: 0.001\n    capital 1_000");
        Path json = dir.resolve("r.json");
        Path trades = dir.resolve("t.csv");
        Outcome run = trellis("run", s.toString(), "--no-journal", "--report-json", json.toString(), "--export-trades", trades.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("fee 10.0 bps, fills walk the simulated order book"), run.out());
        assertTrue(run.out().contains("ETH-UP-15m") && run.out().contains("SOL-UP-15m"), "per-asset PnL:\n" + run.out());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        double pnl = r.at("/market/PnL").asDouble();
        assertEquals(100 * pnl / (5.0 * 2), r.at("/market/ROI %").asDouble(), 1e-9, "ROI as the source defined it");
        assertTrue(r.at("/market/ROI is").asText().contains("PnL / (base size x markets)"));
        assertEquals(pnl, r.at("/performance/finalEquity").asDouble() - 1_000, 1e-6, "every position settled or closed");
        assertEquals("binary-15m", r.at("/params/market").asText());
        assertTrue(r.at("/performance/trades").asInt() > 0);
        assertEquals(r.at("/performance/trades").asInt() + 1, Files.readAllLines(trades).size(), "one CSV row per trade");

        Outcome check = trellis("check", s.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("on market 'binary-15m'"), check.out());
        Outcome lookahead = trellis("check", "lookahead", s.toString(), "--cuts", "2");
        assertTrue(lookahead.out().contains("trades the simulated market 'binary-15m', not bars: not checked here"), lookahead.out());
    }

    @Test
    void aTrainStatementTrainsOnFirstUseAndJournalsWhereTheRunDoes() throws Exception {
        Path model = dir.resolve("trained");
        Path file = dir.resolve("trained.groovy");
        Files.writeString(file, "train 'rl-temporal', out: '" + model + "', updates: 1, markets: 'eth,sol', windows: 4, "
                + "tickSeconds: 15\nstrategy('agent') {\n" + MARKET + "    model 'rl-temporal', path: '" + model + "'\n}\n");
        Path journal = dir.resolve("j.db");
        Outcome first = trellis("run", file.toString(), "--journal", journal.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("no model at " + model + " yet: training it"), first.err());
        Outcome updates = trellis("journal", "updates", "--journal", journal.toString(), "--csv");
        assertEquals(2, updates.out().lines().count(), "the training's one update is in the run's journal:\n" + updates.out());

        Path other = dir.resolve("other.groovy");
        Files.writeString(other, Files.readString(file).replace(model.toString(), dir.resolve("trained2").toString()));
        Path unused = dir.resolve("unused.db");
        Outcome quiet = trellis("run", other.toString(), "--no-journal", "--quiet", "--set", "trellis.journal=" + unused);
        assertEquals(0, quiet.code(), quiet.err());
        assertTrue(Files.notExists(unused), "--no-journal: the training journals nothing either");
    }

    @Test
    void misusesAreNamedWithTheirLine() throws Exception {
        assertError(script("data", "    data 'btc-usd-1m'\n" + MARKET + MODEL), "data.groovy:2", "'data' does not apply");
        assertError(script("rule", MARKET + "    model 'sma-cross'"), "rule.groovy:3", "is traded by a model of [rl-temporal]");
        assertError(script("nomarket", MODEL), "nomarket.groovy:2", "add market 'binary-15m'");
        assertError(script("unknown", "    market 'binary-5m'\n" + MODEL), "unknown.groovy:2", "no simulated market 'binary-5m'");
        assertError(script("param", "    market 'binary-15m', asset: 'eth'\n" + MODEL), "param.groovy:2",
                "unknown parameter 'asset' for market 'binary-15m'");
        assertError(script("range", "    market 'binary-15m', 'tick-seconds': 0\n" + MODEL), "range.groovy:2", "tick-seconds");
        assertError(script("shorting", MARKET + MODEL + "    allowShort false"), "shorting.groovy:4", "'allowShort' does not apply");
        assertError(script("endless", "    market 'binary-15m', assets: 'eth'\n" + MODEL), "endless.groovy:2",
                "every asset is synthetic");
        assertError(script("ticks", "    market 'binary-15m', assets: 'eth', windows: 1, 'tick-seconds': 7\n" + MODEL), "ticks.groovy:2",
                "tick-seconds must divide 900");
        assertError(script("missing", MARKET + "    model 'rl-temporal', path: '" + dir.resolve("nothing") + "'"), "missing.groovy:3",
                "nothing");
        assertError(script("from", "    market 'binary-15m', assets: 'eth', windows: 1, from: 'tomorrow'\n" + MODEL), "from.groovy:2",
                "from: 'tomorrow' is not an ISO-8601 time");
        Outcome window = trellis("run", script("window", MARKET + MODEL).toString(), "--from", "2013-11-27", "--no-journal");
        assertEquals(2, window.code(), window.out());
        assertTrue(window.err().contains("--from/--to do not apply"), window.err());
        Outcome paper = trellis("run", script("paper", MARKET + MODEL).toString(), "--mode", "paper", "--no-journal");
        assertEquals(2, paper.code(), paper.out());
        assertTrue(paper.err().contains("runs in backtest mode only"), paper.err());
    }

    private static void assertError(Path script, String where, String what) {
        Outcome o = trellis("run", script.toString(), "--no-journal");
        assertEquals(2, o.code(), script + ":\n" + o.out() + o.err());
        assertTrue(o.err().contains(where) && o.err().contains(what), "expected " + where + " ... " + what + ", got:\n" + o.err() + o.out());
    }
}
