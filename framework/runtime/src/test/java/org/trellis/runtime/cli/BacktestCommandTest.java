package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class BacktestCommandTest {
    @Test
    void backtestPrintsEveryReportFigureAndWritesTheFiles(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Path trades = dir.resolve("t.csv");
        Path html = dir.resolve("r.html");
        Outcome o = trellis("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m", "--param", "fast=10",
                "--param", "slow=30", "--fee-bps", "10", "--slippage-bps", "5",
                "--report-json", json.toString(), "--export-trades", trades.toString(), "--report-html", html.toString());
        assertEquals(0, o.code(), o.err());
        for (String label : List.of("Period", "Bars", "Trades", "Total return", "CAGR", "Sharpe", "Sortino", "Calmar",
                "Max drawdown", "Win rate", "Profit factor", "Expectancy", "Exposure", "Fees paid", "BTC/USD")) {
            assertTrue(o.out().contains(label), "report lacks " + label + ":\n" + o.out());
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        int tradeCount = report.at("/performance/trades").asInt();
        assertTrue(tradeCount > 10);
        List<String> lines = Files.readAllLines(trades);
        assertEquals("instrument,side,entry_time,entry_price,exit_time,exit_price,quantity,pnl,fees,exit_reason", lines.get(0));
        assertEquals(tradeCount + 1, lines.size());
        assertEquals(10, report.at("/settings/feeBps").asDouble());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg"), "HTML report with plots");
    }

    @Test
    void costsCostMoneyAndParamsChangeTheTrades(@TempDir Path dir) throws Exception {
        JsonNode cheap = report(dir, "cheap", "--fee-bps", "0", "--slippage-bps", "0");
        JsonNode dear = report(dir, "dear", "--fee-bps", "30", "--slippage-bps", "10");
        JsonNode slower = report(dir, "slower", "--param", "fast=20", "--param", "slow=60");
        // costs do not move the signals: the same trades, but dearer ones end with less
        assertEquals(cheap.at("/performance/trades").asInt(), dear.at("/performance/trades").asInt());
        assertEquals(0, cheap.at("/performance/feesPaid").asDouble());
        assertTrue(dear.at("/performance/feesPaid").asDouble() > 0);
        assertTrue(dear.at("/performance/finalEquity").asDouble() < cheap.at("/performance/finalEquity").asDouble());
        // slower averages cross less often
        assertTrue(slower.at("/performance/trades").asInt() < cheap.at("/performance/trades").asInt());
        assertEquals(60, slower.at("/params/slow").asInt());
    }

    private static JsonNode report(Path dir, String name, String... flags) throws Exception {
        Path json = dir.resolve(name + ".json");
        String[] args = new String[flags.length + 5];
        System.arraycopy(new String[] {"backtest", "--strategy", "sma-cross", "--quiet", "--report-json=" + json}, 0, args, 0, 5);
        System.arraycopy(flags, 0, args, 5, flags.length);
        Outcome o = trellis(args);
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void badCsvFailsWithFileLineAndFieldAndKeepsEarlierOutput(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, "date,open,high,low,close,volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,NaN,10\n");
        Path json = dir.resolve("r.json");
        Files.writeString(json, "{\"earlier\": true}\n");
        Outcome o = trellis("backtest", "--strategy", "sma-cross", "--data", csv.toString(), "--report-json", json.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("broken.csv:3: field 'close'"), o.err());
        assertEquals("{\"earlier\": true}\n", Files.readString(json), "a failed run must not touch existing output");
    }

    @Test
    void skipBadRowsReportsTheCount(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (int d = 1; d <= 28; d++) {
            csv.append(String.format("2020-02-%02d,1,2,0.5,%s,10%n", d, d == 5 ? "x" : String.valueOf(1 + d % 7 * 0.1)));
        }
        Path file = dir.resolve("f.csv");
        Files.writeString(file, csv);
        Outcome o = trellis("backtest", "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4",
                "--data", file.toString(), "--skip-bad-rows");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("skipped 1 bad row(s)"), o.err());
        assertTrue(o.out().contains("27 bars") || o.out().contains("(27 bars"), o.out());
    }

    @Test
    void unknownNamesListWhatExists() {
        Outcome strategy = trellis("backtest", "--strategy", "sma-crss");
        assertEquals(2, strategy.code());
        assertTrue(strategy.err().contains("Did you mean 'sma-cross'?"), strategy.err());
        Outcome data = trellis("backtest", "--strategy", "sma-cross", "--data", "nasdaq");
        assertEquals(2, data.code());
        assertTrue(data.err().contains("btc-usd-1m"), data.err());
        Outcome param = trellis("backtest", "--strategy", "sma-cross", "--param", "fst=3");
        assertEquals(2, param.code());
        assertTrue(param.err().contains("'fast'"), param.err());
    }

    @Test
    void fromToSelectsAWindow() {
        Outcome o = trellis("backtest", "--strategy", "sma-cross", "--from", "2013-11-26T00:00:00Z", "--to", "2013-11-27T00:00:00Z");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("2013-11-26T00:00:00Z .. 2013-11-26T23:59:00Z"), o.out());
        Outcome reversed = trellis("backtest", "--strategy", "sma-cross", "--from", "2013-11-27", "--to", "2013-11-26");
        assertEquals(2, reversed.code());
    }

    @Test
    void setOverridesConfigAndRejectsUnknownKeys() {
        Outcome o = trellis("backtest", "--strategy", "sma-cross", "--set", "trellis.backtest.capital=5000");
        assertTrue(o.out().contains("5,000.00"), o.out());
        Outcome bad = trellis("backtest", "--strategy", "sma-cross", "--set", "trellis.backtest.capitol=5000");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("capitol"), bad.err());
    }

    @Test
    void dataListShowsEveryBundledDataset() {
        Outcome o = trellis("data", "list");
        assertEquals(0, o.code(), o.err());
        for (String name : List.of("btc-usd-1m", "btc-usd-1h", "eth-usd-5m", "aapl-1d", "btc-usd-trades")) {
            assertTrue(o.out().contains(name), o.out());
        }
        assertTrue(o.out().contains("9399"), o.out());
        assertTrue(o.out().contains("MIT"), o.out());
    }

    @Test
    void badSettingsAndOddDataAreClearErrorsNotStackTraces(@TempDir Path dir) {
        Outcome zone = trellis("backtest", "--strategy", "sma-cross", "--set", "trellis.data.csv.zone=Mars/Olympus");
        assertEquals(2, zone.code());
        assertTrue(zone.err().contains("trellis.data.csv.zone"), zone.err());
        Outcome pattern = trellis("backtest", "--strategy", "sma-cross", "--set", "trellis.data.csv.time-format=bbb");
        assertEquals(2, pattern.code());
        assertTrue(pattern.err().contains("trellis.data.csv.time-format"), pattern.err());
        Outcome directory = trellis("backtest", "--strategy", "sma-cross", "--data", dir.toString());
        assertEquals(2, directory.code());
        assertTrue(directory.err().contains("is a directory"), directory.err());
        Outcome synthetic = trellis("backtest", "--strategy", "sma-cross", "--data", "synthetic:bars=abc");
        assertEquals(2, synthetic.code());
        assertTrue(synthetic.err().contains("whole number"), synthetic.err());
        for (Outcome o : List.of(zone, pattern, directory, synthetic)) {
            assertTrue(!o.err().contains("\tat "), "no stack trace: " + o.err());
        }
    }

    @Test
    void theEntrySizeComesFromTheSettings(@TempDir Path dir) throws Exception {
        Path trades = dir.resolve("t.csv");
        trellis("backtest", "--strategy", "sma-cross", "--set", "trellis.backtest.size=0.5", "--quiet",
                "--export-trades", trades.toString());
        String first = Files.readAllLines(trades).get(1);
        String[] cells = first.split(",");
        double notional = Double.parseDouble(cells[3]) * Double.parseDouble(cells[6]);
        assertTrue(notional > 4_900 && notional < 5_000, "half of 10,000 went in: " + notional);
    }
}
