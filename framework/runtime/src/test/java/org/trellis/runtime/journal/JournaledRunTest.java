package org.trellis.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.PaperReplay;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.Cli.Outcome;

/** Runs write their sessions, orders, fills, trades and equity to the journal, durably and in order. */
class JournaledRunTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aBacktestIsJournaledWithItsTradesEntriesStateAndEquity(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("j.db");
        Path report = dir.resolve("r.json");
        Outcome o = trellis("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m", "--quiet", "--journal", db.toString(),
                "--report-json", report.toString(), "--seed", "11");
        assertEquals(0, o.code(), o.err());
        JsonNode r = json.readTree(report.toFile());
        try (Journal j = Journal.open(db)) {
            Journal.SessionRow s = j.sessions().get(0);
            assertEquals("sma-cross", s.name());
            assertEquals("backtest", s.mode());
            assertEquals("finished", s.status());
            assertEquals(11, s.seed());
            assertEquals(10, json.readTree(s.config()).at("/params/fast").asInt());
            List<Journal.TradeRow> trades = j.trades(s.id());
            assertEquals(r.at("/performance/trades").asInt(), trades.size());
            assertEquals(2 * trades.size(), j.count("fills", s.id()));
            assertTrue(j.count("orders", s.id()) >= 2 * trades.size());
            JsonNode state = json.readTree(trades.get(0).marketState());
            assertTrue(state.at("/features/sma10").isNumber() && state.at("/features/sma30").isNumber(), state.toString());
            assertTrue(state.at("/close").asDouble() > 0);
            double pnl = trades.stream().mapToDouble(Journal.TradeRow::pnl).sum();
            assertEquals(r.at("/performance/finalEquity").asDouble() - 10_000, pnl, 1e-6);
            List<Journal.EquityPoint> equity = j.equity(s.id());
            assertTrue(equity.size() > 1000 && equity.size() <= JournalListener.BACKTEST_EQUITY_POINTS + 1, "" + equity.size());
            assertEquals(r.at("/performance/finalEquity").asDouble(), equity.get(equity.size() - 1).equity(), 1e-6);
            Journal.TradeRow last = trades.get(trades.size() - 1);
            assertEquals(last.exitReason().equals("end-of-data"), last.forced(), "only the end-of-data close is forced here");
        }
    }

    @Test
    void inPaperModeATradeIsCommittedBeforeAnyoneHearsOfIt(@TempDir Path dir) {
        Path db = dir.resolve("paper.db");
        PartRegistry registry = PartRegistry.discover();
        List<Integer> committedWhenReported = new ArrayList<>();
        List<ClosedTrade> reported = new ArrayList<>();
        RunListener reporter = new RunListener() {
            @Override
            public void onTradeClosed(ClosedTrade trade) {
                reported.add(trade);
                try (Journal other = Journal.open(db)) { // another connection sees only what is committed
                    committedWhenReported.add(other.trades(null).size());
                }
            }
        };
        RunResult result;
        long session;
        try (Journal j = Journal.open(db)) {
            session = j.startSession(new Journal.SessionStart("paper", null, "paper", "{}", 42, 0));
            JournalListener listener = new JournalListener(j, session, true);
            PaperReplay replay = new PaperReplay(1e9, Clock.systemUTC());
            result = new BacktestEngine(registry, EngineSettings.defaults()).run("sma-cross", Params.of(Map.of("fast", 5, "slow", 20)),
                    List.of(BundledData.bars("btc-usd-1h")), List.of(), (d, t) -> { }, replay, RunListener.both(listener, reporter));
            listener.finish(result.equity());
            j.endSession(session, "finished", 1);
        }
        assertFalse(reported.isEmpty());
        for (int i = 0; i < committedWhenReported.size(); i++) {
            assertEquals(i + 1, committedWhenReported.get(i), "trade " + (i + 1) + " was durable when reported");
        }
        try (Journal j = Journal.open(db)) {
            assertEquals(BundledData.bars("btc-usd-1h").size(), j.equity(session).size(), "a paced run journals every bar");
        }
    }

    @Test
    void aRunThatFailsIsMarkedFailedAndKeepsWhatItJournaled(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("f.db");
        Path script = Files.writeString(dir.resolve("boom.groovy"), """
                strategy('boom') {
                    data 'btc-usd-1h'
                    rule { f -> f.close > 1100 ? (Integer.parseInt('x') > 0 ? BUY : SELL) : (f.position == 0 ? BUY : SELL) }
                }
                """);
        Outcome o = trellis("run", script.toString(), "--journal", db.toString(), "--quiet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("boom.groovy:3: the rule failed on the bar of 2013-"), o.err());
        try (Journal j = Journal.open(db)) {
            Journal.SessionRow s = j.sessions().get(0);
            assertEquals("failed", s.status());
            assertTrue(j.trades(s.id()).size() > 5, "the trades before the failure are kept: " + j.trades(s.id()).size());
        }
    }

    @Test
    void noJournalWritesNothingAndTheJournalCommandShowsWhatWasWritten(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none.db");
        assertEquals(0, trellis("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1h", "--quiet", "--no-journal",
                "--journal", none.toString()).code());
        assertFalse(Files.exists(none));

        Path db = dir.resolve("j.db");
        Path script = Files.writeString(dir.resolve("two.groovy"), """
                strategy('a') { data 'btc-usd-1h'; model 'sma-cross', fast: 3, slow: 10 }
                strategy('b') { data 'btc-usd-1h'; model 'sma-cross', fast: 5, slow: 20 }
                """);
        assertEquals(0, trellis("run", script.toString(), "--journal", db.toString(), "--quiet").code());
        Outcome sessions = trellis("journal", "sessions", "--journal", db.toString());
        assertEquals(0, sessions.code(), sessions.err());
        assertTrue(sessions.out().contains("ID") && sessions.out().contains(" a ") && sessions.out().contains(" b "), sessions.out());
        assertTrue(sessions.out().contains("finished") && sessions.out().contains("two.groovy"), sessions.out());

        Outcome all = trellis("journal", "trades", "--journal", db.toString(), "--csv");
        Outcome onlyB = trellis("journal", "trades", "--journal", db.toString(), "--csv", "--session", "2");
        List<String> allLines = all.out().lines().toList();
        List<String> bLines = onlyB.out().lines().toList();
        assertEquals("session,instrument,side,entry_time,entry_price,exit_time,exit_price,shares,pnl,fees,exit_reason,forced", allLines.get(0));
        assertTrue(bLines.size() > 1 && bLines.size() < allLines.size());
        assertTrue(bLines.stream().skip(1).allMatch(l -> l.startsWith("2,")), onlyB.out());

        Outcome health = trellis("journal", "health", "--journal", db.toString());
        assertEquals(0, health.code());
        assertTrue(health.out().contains("(none)"), health.out());

        Outcome bad = trellis("journal", "trade", "--journal", db.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("sessions, trades, health or updates, not 'trade'"), bad.err());
        Outcome missing = trellis("journal", "sessions", "--journal", dir.resolve("nope.db").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no journal at"), missing.err());
    }
}
