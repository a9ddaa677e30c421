package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.testing.Cli.Outcome;
import org.trellis.runtime.testing.PluginJarBuilder;

/** trellis run / check / compare on scripts, end to end through the command line. */
class ScriptCommandsTest {
    static final String TWO = """
            // two strategies, each with its own capital
            strategy('cross') {
                data    'btc-usd-1h'
                model   'sma-cross', fast: 5, slow: 20
                capital 4_000
            }
            strategy('rsi') {
                data     'btc-usd-1h'
                features 'rsi', period: 14
                rule { f -> f.rsi14 < 40 ? BUY : f.rsi14 > 60 ? SELL : HOLD }
                capital  6_000
            }
            """;

    @Test
    void runPrintsAReportPerStrategyAndTheTableAndWritesAFileEach(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("two.groovy"), TWO);
        Path json = dir.resolve("r.json");
        Path trades = dir.resolve("t.csv");
        Outcome o = trellis("run", script.toString(), "--report-json", json.toString(), "--export-trades", trades.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Backtest: cross") && o.out().contains("Backtest: rsi"), o.out());
        assertTrue(o.out().contains("Side by side:") && o.out().contains("Profit factor"), o.out());
        ObjectMapper m = new ObjectMapper();
        JsonNode cross = m.readTree(dir.resolve("r-cross.json").toFile());
        JsonNode rsi = m.readTree(dir.resolve("r-rsi.json").toFile());
        assertEquals(4_000, cross.at("/performance/initialCapital").asDouble());
        assertEquals(6_000, rsi.at("/performance/initialCapital").asDouble());
        assertEquals("sma-cross", cross.at("/params/model").asText());
        assertTrue(Files.exists(dir.resolve("t-cross.csv")) && Files.exists(dir.resolve("t-rsi.csv")));
    }

    @Test
    void aOneStrategyScriptWritesTheSameFilesAsBacktest(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("one.groovy"),
                "strategy('sma-cross') {\n  data 'btc-usd-1m'\n  model 'sma-cross', fast: 10, slow: 30\n}\n");
        Outcome run = trellis("run", script.toString(), "--quiet", "--export-trades", dir.resolve("run.csv").toString(),
                "--from", "2013-11-26", "--to", "2013-11-28", "--seed", "7");
        Outcome backtest = trellis("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m", "--quiet",
                "--export-trades", dir.resolve("backtest.csv").toString(), "--from", "2013-11-26", "--to", "2013-11-28");
        assertEquals(0, run.code(), run.err());
        assertEquals(0, backtest.code(), backtest.err());
        assertEquals(Files.readAllLines(dir.resolve("backtest.csv")), Files.readAllLines(dir.resolve("run.csv")));
    }

    @Test
    void runUsesPartsFromThePluginsFolder(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path example = Path.of("../../examples/third-party-plugin").toAbsolutePath().normalize();
        new PluginJarBuilder().sourceTree(example.resolve("src/main/java"))
                .resourceTree(example.resolve("src/main/resources"), java.util.Map.of("${project.version}", "1.0.0"))
                .writeTo(plugins.resolve("acme.jar"));
        Path script = Files.writeString(dir.resolve("acme.groovy"), """
                strategy('acme') {
                    data  'btc-usd-1m'
                    model 'momentum-flip', period: 5
                    guards { maxEntries 2 }
                }
                """);
        Outcome o = trellis("run", script.toString(), "--plugins", plugins.toString(), "--report-json", dir.resolve("a.json").toString());
        assertEquals(0, o.code(), o.err());
        JsonNode r = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        assertEquals(2, r.at("/performance/trades").asInt());
        assertTrue(r.at("/vetoes/max-entries").asInt() > 0);
    }

    @Test
    void checkValidatesWithoutRunningAndReportsEachBrokenScript(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.groovy"), TWO);
        Path bad = Files.writeString(dir.resolve("bad.groovy"), "strategy('x') {\n  modle 'sma-cross'\n}\n");
        Path badData = Files.writeString(dir.resolve("nodata.groovy"), "strategy('x') {\n  data 'btc-usd-2m'\n  model 'sma-cross'\n}\n");
        Outcome ok = trellis("check", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("ok  " + good + ": 2 strategies"), ok.out());
        Outcome o = trellis("check", good.toString(), bad.toString(), badData.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("bad.groovy:2:3: unknown keyword 'modle'"), o.err());
        assertTrue(o.err().contains("no dataset or file named 'btc-usd-2m'. Did you mean 'btc-usd-1m'?"), o.err());
        assertTrue(!o.out().contains("Backtest:"), "check runs nothing");
    }

    @Test
    void compareRunsEveryScriptAndWritesTheOverlaidCurves(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.groovy"), TWO);
        Path b = Files.writeString(dir.resolve("b.groovy"),
                "strategy('cross') {\n  data 'btc-usd-1h'\n  model 'sma-cross', fast: 3, slow: 12\n}\n");
        Path html = dir.resolve("cmp.html");
        Outcome o = trellis("compare", a.toString(), b.toString(), "--html", html.toString());
        assertEquals(0, o.code(), o.err());
        String header = o.out().lines().findFirst().orElse("");
        for (String column : List.of("a/cross", "rsi", "b/cross")) {
            assertTrue(header.contains(column), "column " + column + " in:\n" + o.out());
        }
        for (String row : List.of("Total return", "Sharpe", "Sortino", "Max drawdown", "Trades", "Win rate", "Profit factor")) {
            assertTrue(o.out().contains(row), row + " in:\n" + o.out());
        }
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertEquals(3, page.split("<polyline class=\"cmp").length - 1, "one curve per strategy");
    }

    @Test
    void badModeAndMissingScriptAreClearErrors(@TempDir Path dir) throws Exception {
        Path s = Files.writeString(dir.resolve("s.groovy"), TWO);
        Outcome mode = trellis("run", s.toString(), "--mode", "live");
        assertEquals(2, mode.code());
        assertTrue(mode.err().contains("--mode takes backtest or paper"), mode.err());
        Outcome missing = trellis("run", dir.resolve("nope.groovy").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.groovy: no such script"), missing.err());
    }

    @Test
    void paperModeRunsEveryStrategyOfTheScriptAtOnce(@TempDir Path dir) throws Exception {
        Path s = Files.writeString(dir.resolve("s.groovy"), TWO);
        // 161 hourly bars at 10^7x: the whole replay takes well under a second
        Outcome o = trellis("run", s.toString(), "--mode", "paper", "--speed", "10000000");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("paper: 2 strategies"), o.out());
        assertTrue(o.out().contains("[cross]") && o.out().contains("[rsi]"), "live lines carry the strategy:\n" + o.out());
        assertTrue(o.out().contains("Paper: cross") && o.out().contains("Paper: rsi"), o.out());
    }
}
