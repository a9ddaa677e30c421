package org.trellis.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.api.risk.OrderIntent;
import org.trellis.runtime.engine.ClosedTrade;

class JournalTest {
    static final Instrument BTC = Instrument.spot("BTC/USD");

    static Journal.SessionStart start(String name) {
        return new Journal.SessionStart(name, "strategies/x.groovy", "paper", "{\"fast\":10}", 7, 1_000);
    }

    @Test
    void everythingWrittenReadsBackAsWritten(@TempDir Path dir) {
        Path file = dir.resolve("j/trellis.db");
        long id;
        try (Journal j = Journal.open(file)) {
            assertEquals(Migrations.latest(), j.schemaVersion());
            id = j.startSession(start("alpha"));
            Order entry = new Order(1, BTC, OrderSide.BUY, 2, OrderPurpose.ENTRY, "signal", 10_000);
            j.order(id, entry, 0.8);
            j.fill(id, new Fill(entry, 2, 100, 0.2, 11_000));
            ClosedTrade t = new ClosedTrade(BTC, ClosedTrade.Direction.LONG, 11_000, 100, 20_000, 110, 2, 19.5, 0.5, "signal",
                    "stop-loss");
            j.trade(id, t, true, "{\"decision\":0.8}", "{\"close\":99}");
            j.veto(id, new OrderIntent(BTC, OrderSide.BUY, 1, OrderPurpose.ENTRY, 100, 0.6, 12_000), "max-positions");
            j.equity(id, 11_000, 10_000);
            j.equity(id, 20_000, 10_019.5);
            j.equity(id, 20_000, 10_020); // same time: replaced
            j.health(id, new Journal.Health(15_000, "BTC/USD", "degraded", 31_000L, "no new entries", "[1]", "book stale"));
            j.guardState(id, "daily-loss", "{\"lost\":12.5}", 15_000);
            j.modelUpdate(id, 16_000, "ppo", 3, "{\"entropy\":1.02}");
            j.endSession(id, "finished", 30_000);
        }
        try (Journal j = Journal.open(file)) {
            Journal.SessionRow s = j.sessions().get(0);
            assertEquals(new Journal.SessionRow(id, "alpha", "strategies/x.groovy", "paper", "finished", 7, 1_000, 30_000L,
                    "{\"fast\":10}"), s);
            Journal.TradeRow t = j.trades(id).get(0);
            assertEquals("long", t.side());
            assertEquals(200, t.size());
            assertTrue(t.forced());
            assertEquals("stop-loss", t.forcedReason());
            assertEquals("{\"decision\":0.8}", t.probabilities());
            assertEquals("{\"close\":99}", t.marketState());
            assertEquals(List.of(new Journal.EquityPoint(11_000, 10_000), new Journal.EquityPoint(20_000, 10_020)), j.equity(id));
            Journal.HealthRow h = j.health(id).get(0);
            assertEquals("degraded", h.level());
            assertEquals(31_000L, h.stalenessMs());
            assertEquals(1, j.count("orders", id));
            assertEquals(1, j.count("fills", id));
            assertEquals(1, j.count("vetoes", id));
            assertEquals(1, j.count("guard_state", id));
            assertEquals(1, j.count("model_updates", id));
        }
    }

    @Test
    void anOlderJournalIsMigratedWithItsDataKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.db");
        try (Journal j = Journal.open(file, 1)) {
            assertEquals(1, j.schemaVersion());
        }
        // what a version-1 Trellis wrote
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sessions (name, mode, status, config, seed, started_at) VALUES ('old', 'backtest', 'finished', '{}', 1, 5)");
            s.execute("INSERT INTO trades (session_id, instrument, side, entry_time, entry_price, exit_time, exit_price, shares, pnl, fees, "
                    + "entry_reason, exit_reason) VALUES (1, 'ETH/USD', 'short', 1, 10, 2, 9, 3, 3, 0.1, 'signal', 'signal')");
        }
        try (Journal j = Journal.open(file)) {
            assertEquals(Migrations.latest(), j.schemaVersion());
            Journal.TradeRow t = j.trades(1L).get(0);
            assertEquals("ETH/USD", t.instrument());
            assertEquals(3, t.pnl());
            assertTrue(!t.forced(), "new columns take their defaults");
            assertNull(t.size());
            assertNull(t.marketState());
            assertEquals("old", j.sessions().get(0).name());
            long next = j.startSession(start("new")); // the new tables work on the migrated file
            j.health(next, new Journal.Health(1, null, "critical", null, "emergency close", null, null));
            j.commit();
            assertEquals(1, j.health(next).size());
        }
    }

    @Test
    void openersRacingOverANewJournalMigrateItOnce(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 5; round++) {
            Path file = dir.resolve("race" + round + ".db");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<Integer>> opened = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    opened.add(pool.submit(() -> {
                        try (Journal j = Journal.open(file)) {
                            return j.schemaVersion();
                        }
                    }));
                }
                for (var f : opened) {
                    assertEquals(Migrations.latest(), f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aJournalFromANewerTrellisOrNotAJournalAtAllIsAClearError(@TempDir Path dir) throws Exception {
        Path newer = dir.resolve("newer.db");
        try (Journal j = Journal.open(newer)) {
            j.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version) VALUES (99)");
        }
        JournalException e = assertThrows(JournalException.class, () -> Journal.open(newer));
        assertTrue(e.getMessage().contains("newer.db") && e.getMessage().contains("schema version 99 is newer"), e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a database, just some notes that happen to be long enough");
        JournalException notDb = assertThrows(JournalException.class, () -> Journal.open(text));
        assertTrue(notDb.getMessage().contains("notes.txt") && notDb.getMessage().contains("not a usable journal"), notDb.getMessage());
        assertEquals("this is not a database, just some notes that happen to be long enough", Files.readString(text), "left untouched");
    }

    @Test
    void sessionsWhoseProcessIsGoneAreMarkedCrashed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crash.db");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long ours;
        try (Journal j = Journal.open(file)) {
            long dead = j.startSession(start("dead"));
            ours = j.startSession(start("alive"));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("UPDATE sessions SET pid = " + gone.pid() + " WHERE id = " + dead);
            }
            assertEquals(List.of(dead), j.markCrashed());
            assertEquals("crashed", j.sessions().get(0).status());
            assertEquals("running", j.sessions().get(1).status(), "a session of a live process is not a crash");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            assertEquals("wal", r.getString(1));
        }
        assertTrue(ours > 0);
    }
}
