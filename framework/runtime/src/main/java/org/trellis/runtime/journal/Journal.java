package org.trellis.runtime.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.risk.OrderIntent;
import org.trellis.runtime.engine.ClosedTrade;

/**
 * The run journal: an SQLite file (WAL mode) holding every session with its orders, fills, trades,
 * vetoes, health events, equity, guard state and model training updates. The schema is versioned
 * and migrated on open ({@link Migrations}). Writes accumulate in a transaction until
 * {@link #commit()}: the caller decides what must be durable when (a paper session commits each
 * trade before reporting it; a backtest commits once at the end).
 *
 * <p>Its methods are synchronized: strategies running side by side in one process share one
 * journal (one connection, so no writer ever waits on another's open transaction). Other processes
 * may read it meanwhile (WAL).
 */
public final class Journal implements AutoCloseable {
    private final Connection connection;
    private final String where;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Journal(Connection connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    /** Opens (creating it and its folder if needed) and migrates the journal at {@code file}. */
    public static Journal open(Path file) {
        return open(file, Migrations.latest());
    }

    /**
     * Opens the journal for reading only, each query seeing the latest committed data (a status
     * page beside a running session, or over a finished journal).
     */
    public static Journal openReader(Path file) {
        Journal j = open(file);
        j.run(() -> j.connection.setAutoCommit(true));
        return j;
    }

    /** Opens at an older schema version: for tests of migrations only. */
    static Journal open(Path file, int schemaVersion) {
        String where = file.toString();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new JournalException(where + ": cannot create the journal's folder: " + e.getMessage(), e);
        }
        // SQLite answers BUSY without calling the busy handler in a few cases (e.g. while another
        // connection switches a new file to WAL or recovers its index): open again after a pause.
        for (int attempt = 1; ; attempt++) {
            try {
                return connect(file, schemaVersion, where);
            } catch (JournalException e) {
                if (!(e.getCause() instanceof SQLException sql) || !busy(sql) || attempt >= BUSY_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static final int BUSY_ATTEMPTS = 50;

    private static boolean busy(SQLException e) {
        return (e.getErrorCode() & 0xff) == 5 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while waiting for the journal's lock", e);
        }
    }

    private static Journal connect(Path file, int schemaVersion, String where) {
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                // first: every statement after it (switching a new file to WAL included) waits for a lock, not fails
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA journal_mode=WAL");
                // committed transactions survive a killed process (the WAL is written before commit returns)
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            Migrations.migrate(c, schemaVersion, where);
            c.setAutoCommit(false);
            return new Journal(c, where);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new JournalException(where + ": not a usable journal (SQLite): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public synchronized int schemaVersion() {
        return call(() -> Migrations.version(connection));
    }

    // ---- sessions

    /** What a session is, when it starts. */
    public record SessionStart(String name, String script, String mode, String configJson, long seed, long startedAt) {
    }

    public synchronized long startSession(SessionStart s) {
        return call(() -> {
            PreparedStatement p = statement("INSERT INTO sessions (name, script, mode, status, config, seed, started_at, pid) "
                    + "VALUES (?, ?, ?, 'running', ?, ?, ?, ?)");
            p.setString(1, s.name());
            p.setString(2, s.script());
            p.setString(3, s.mode());
            p.setString(4, s.configJson());
            p.setLong(5, s.seed());
            p.setLong(6, s.startedAt());
            p.setLong(7, ProcessHandle.current().pid());
            p.executeUpdate();
            long id = lastId();
            connection.commit();
            return id;
        });
    }

    /** Ends a session with {@code status} (finished, stopped, failed) and commits everything written. */
    public synchronized void endSession(long session, String status, long endedAt) {
        run(() -> {
            PreparedStatement p = statement("UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?");
            p.setString(1, status);
            p.setLong(2, endedAt);
            p.setLong(3, session);
            p.executeUpdate();
            connection.commit();
        });
    }

    public synchronized void checkpoint(long session, long time, String stateJson) {
        run(() -> {
            PreparedStatement p = statement("UPDATE sessions SET last_checkpoint = ?, checkpoint = ? WHERE id = ?");
            p.setLong(1, time);
            p.setString(2, stateJson);
            p.setLong(3, session);
            p.executeUpdate();
        });
    }

    /**
     * Sessions still marked running whose process is gone: they crashed (kill -9, power loss).
     * They are marked crashed and returned, so that the caller can offer to resume them.
     */
    public synchronized List<Long> markCrashed() {
        return call(() -> {
            List<Long> crashed = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT id, pid FROM sessions WHERE status = 'running'");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long pid = r.getLong(2);
                    // this process's own sessions are running (paper strategies journal side by side)
                    boolean alive = !r.wasNull() && (pid == ProcessHandle.current().pid()
                            || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
                    if (!alive) {
                        crashed.add(r.getLong(1));
                    }
                }
            }
            for (long id : crashed) {
                PreparedStatement u = statement("UPDATE sessions SET status = 'crashed' WHERE id = ?");
                u.setLong(1, id);
                u.executeUpdate();
            }
            connection.commit();
            return crashed;
        });
    }

    /**
     * The most recent crashed session that this exact run (name, script, mode and configuration)
     * left behind, if any: the one to resume.
     */
    public synchronized java.util.Optional<SessionRow> findCrashed(String name, String script, String mode, String configJson) {
        return sessions().stream()
                .filter(s -> s.status().equals("crashed") && s.name().equals(name) && java.util.Objects.equals(s.script(), script)
                        && s.mode().equals(mode) && s.config().equals(configJson))
                .reduce((first, second) -> second);
    }

    /** Takes a crashed session up again in this process. */
    public synchronized void resumeSession(long session) {
        run(() -> {
            PreparedStatement p = statement("UPDATE sessions SET status = 'running', pid = ?, ended_at = NULL WHERE id = ?");
            p.setLong(1, ProcessHandle.current().pid());
            p.setLong(2, session);
            p.executeUpdate();
            connection.commit();
        });
    }

    /** Time of the last bar everything of which was committed ({@link Long#MIN_VALUE} if none). */
    public synchronized long checkpointTime(long session) {
        List<Long> t = query("SELECT last_checkpoint FROM sessions WHERE id = ?", session, r -> nullableLong(r, 1));
        return t.isEmpty() || t.get(0) == null ? Long.MIN_VALUE : t.get(0);
    }

    /** What a session has journaled already, so that a resumed run writes each event once. */
    public record Known(java.util.Set<Long> orders, java.util.Set<Long> fills, java.util.Set<String> trades,
                        java.util.Set<String> vetoes, java.util.Set<String> health) {
        public static Known none() {
            return new Known(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of());
        }

        static String healthKey(long time, String instrument, String level) {
            return time + "|" + instrument + "|" + level;
        }

        static String tradeKey(String instrument, long entryTime, long exitTime) {
            return instrument + "|" + entryTime + "|" + exitTime;
        }

        static String vetoKey(long time, String instrument, String side, String reason) {
            return time + "|" + instrument + "|" + side + "|" + reason;
        }
    }

    public synchronized Known known(long session) {
        return new Known(
                new java.util.HashSet<>(query("SELECT order_id FROM orders WHERE session_id = ?", session, r -> r.getLong(1))),
                new java.util.HashSet<>(query("SELECT order_id FROM fills WHERE session_id = ?", session, r -> r.getLong(1))),
                new java.util.HashSet<>(query("SELECT instrument, entry_time, exit_time FROM trades WHERE session_id = ?", session,
                        r -> Known.tradeKey(r.getString(1), r.getLong(2), r.getLong(3)))),
                new java.util.HashSet<>(query("SELECT time, instrument, side, reason FROM vetoes WHERE session_id = ?", session,
                        r -> Known.vetoKey(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)))),
                new java.util.HashSet<>(query("SELECT time, instrument, level FROM health_events WHERE session_id = ?", session,
                        r -> Known.healthKey(r.getLong(1), r.getString(2), r.getString(3)))));
    }

    // ---- what happened

    public synchronized void order(long session, Order o, double probability) {
        run(() -> {
            PreparedStatement p = statement("INSERT INTO orders (session_id, order_id, time, instrument, side, quantity, purpose, "
                    + "reason, probability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            p.setLong(1, session);
            p.setLong(2, o.id());
            p.setLong(3, o.submittedAt());
            p.setString(4, o.instrument().symbol());
            p.setString(5, o.side().name());
            p.setDouble(6, o.quantity());
            p.setString(7, o.purpose().name());
            p.setString(8, o.reason());
            setDouble(p, 9, probability);
            p.executeUpdate();
        });
    }

    public synchronized void fill(long session, Fill f) {
        run(() -> {
            PreparedStatement p = statement("INSERT INTO fills (session_id, order_id, time, instrument, side, quantity, price, fee) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            p.setLong(1, session);
            p.setLong(2, f.order().id());
            p.setLong(3, f.time());
            p.setString(4, f.order().instrument().symbol());
            p.setString(5, f.order().side().name());
            p.setDouble(6, f.quantity());
            p.setDouble(7, f.price());
            p.setDouble(8, f.fee());
            p.executeUpdate();
        });
    }

    /** A closed round trip, with why it was closed and what the model and market said at its entry. */
    public synchronized void trade(long session, ClosedTrade t, boolean forced, String probabilitiesJson, String marketStateJson) {
        run(() -> {
            PreparedStatement p = statement("INSERT INTO trades (session_id, instrument, side, entry_time, entry_price, exit_time, "
                    + "exit_price, shares, size, pnl, fees, entry_reason, exit_reason, forced, forced_reason, probabilities, "
                    + "market_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            p.setLong(1, session);
            p.setString(2, t.instrument().symbol());
            p.setString(3, t.direction().name().toLowerCase(java.util.Locale.ROOT));
            p.setLong(4, t.entryTime());
            p.setDouble(5, t.entryPrice());
            p.setLong(6, t.exitTime());
            p.setDouble(7, t.exitPrice());
            p.setDouble(8, t.quantity());
            p.setDouble(9, t.quantity() * t.entryPrice());
            p.setDouble(10, t.pnl());
            p.setDouble(11, t.fees());
            p.setString(12, t.entryReason());
            p.setString(13, t.exitReason());
            p.setInt(14, forced ? 1 : 0);
            p.setString(15, forced ? t.exitReason() : null);
            p.setString(16, probabilitiesJson);
            p.setString(17, marketStateJson);
            p.executeUpdate();
        });
    }

    public synchronized void veto(long session, OrderIntent intent, String reason) {
        run(() -> {
            PreparedStatement p = statement("INSERT INTO vetoes (session_id, time, instrument, side, purpose, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?)");
            p.setLong(1, session);
            p.setLong(2, intent.time());
            p.setString(3, intent.instrument().symbol());
            p.setString(4, intent.side().name());
            p.setString(5, intent.purpose().name());
            p.setString(6, reason);
            p.executeUpdate();
        });
    }

    /** An equity point; a second point at the same time replaces the first. */
    public synchronized void equity(long session, long time, double equity) {
        run(() -> {
            PreparedStatement p = statement("INSERT OR REPLACE INTO equity (session_id, time, equity) VALUES (?, ?, ?)");
            p.setLong(1, session);
            p.setLong(2, time);
            p.setDouble(3, equity);
            p.executeUpdate();
        });
    }

    /** A health event: {@code level} degraded, critical or recovered; {@code instrument} null for the whole system. */
    public record Health(long time, String instrument, String level, Long stalenessMs, String action, String affectedTradesJson,
                         String message) {
    }

    public synchronized void health(long session, Health h) {
        run(() -> {
            PreparedStatement p = statement("INSERT INTO health_events (session_id, time, instrument, level, staleness_ms, action, "
                    + "affected_trades, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            p.setLong(1, session);
            p.setLong(2, h.time());
            p.setString(3, h.instrument());
            p.setString(4, h.level());
            if (h.stalenessMs() == null) {
                p.setNull(5, Types.INTEGER);
            } else {
                p.setLong(5, h.stalenessMs());
            }
            p.setString(6, h.action());
            p.setString(7, h.affectedTradesJson());
            p.setString(8, h.message());
            p.executeUpdate();
        });
    }

    public synchronized void guardState(long session, String guard, String stateJson, long time) {
        run(() -> {
            PreparedStatement p = statement("INSERT OR REPLACE INTO guard_state (session_id, guard, state, updated_at) "
                    + "VALUES (?, ?, ?, ?)");
            p.setLong(1, session);
            p.setString(2, guard);
            p.setString(3, stateJson);
            p.setLong(4, time);
            p.executeUpdate();
        });
    }

    public synchronized void modelUpdate(long session, long time, String model, long step, String metricsJson) {
        run(() -> {
            PreparedStatement p = statement("INSERT INTO model_updates (session_id, time, model, step, metrics) VALUES (?, ?, ?, ?, ?)");
            p.setLong(1, session);
            p.setLong(2, time);
            p.setString(3, model);
            p.setLong(4, step);
            p.setString(5, metricsJson);
            p.executeUpdate();
        });
    }

    /** Makes everything written so far durable. */
    public synchronized void commit() {
        run(connection::commit);
    }

    // ---- reading

    public record SessionRow(long id, String name, String script, String mode, String status, long seed, long startedAt,
                             Long endedAt, String config) {
    }

    public record TradeRow(long id, long session, String instrument, String side, long entryTime, double entryPrice,
                           long exitTime, double exitPrice, double shares, Double size, double pnl, double fees,
                           String entryReason, String exitReason, boolean forced, String forcedReason, String probabilities,
                           String marketState) {
    }

    public record HealthRow(long id, long session, long time, String instrument, String level, Long stalenessMs, String action,
                            String affectedTrades, String message) {
    }

    public record EquityPoint(long time, double equity) {
    }

    public synchronized List<SessionRow> sessions() {
        return query("SELECT id, name, script, mode, status, seed, started_at, ended_at, config FROM sessions ORDER BY id", null,
                r -> new SessionRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getLong(6),
                        r.getLong(7), nullableLong(r, 8), r.getString(9)));
    }

    /** Trades of one session, or of all sessions when {@code session} is null, in the order they closed. */
    public synchronized List<TradeRow> trades(Long session) {
        return query("SELECT id, session_id, instrument, side, entry_time, entry_price, exit_time, exit_price, shares, size, pnl, "
                + "fees, entry_reason, exit_reason, forced, forced_reason, probabilities, market_state FROM trades"
                + (session == null ? "" : " WHERE session_id = ?") + " ORDER BY id", session,
                r -> new TradeRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getLong(5), r.getDouble(6),
                        r.getLong(7), r.getDouble(8), r.getDouble(9), nullableDouble(r, 10), r.getDouble(11), r.getDouble(12),
                        r.getString(13), r.getString(14), r.getInt(15) != 0, r.getString(16), r.getString(17), r.getString(18)));
    }

    /** The last {@code limit} trades (of one session, or all when null), oldest first. */
    public synchronized List<TradeRow> recentTrades(Long session, int limit) {
        List<TradeRow> newestFirst = query("SELECT id, session_id, instrument, side, entry_time, entry_price, exit_time, exit_price, "
                + "shares, size, pnl, fees, entry_reason, exit_reason, forced, forced_reason, probabilities, market_state FROM trades"
                + (session == null ? "" : " WHERE session_id = ?") + " ORDER BY id DESC LIMIT " + Math.max(1, limit), session,
                r -> new TradeRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getLong(5), r.getDouble(6),
                        r.getLong(7), r.getDouble(8), r.getDouble(9), nullableDouble(r, 10), r.getDouble(11), r.getDouble(12),
                        r.getString(13), r.getString(14), r.getInt(15) != 0, r.getString(16), r.getString(17), r.getString(18)));
        List<TradeRow> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Per session and instrument: trades, wins, PnL and fees, summed by SQLite. */
    public record TradeStats(long session, String instrument, int trades, int wins, double pnl, double fees) {
    }

    public synchronized List<TradeStats> tradeStats() {
        return query("SELECT session_id, instrument, COUNT(*), SUM(CASE WHEN pnl > 0 THEN 1 ELSE 0 END), SUM(pnl), SUM(fees) "
                + "FROM trades GROUP BY session_id, instrument ORDER BY session_id, instrument", null,
                r -> new TradeStats(r.getLong(1), r.getString(2), r.getInt(3), r.getInt(4), r.getDouble(5), r.getDouble(6)));
    }

    public synchronized List<HealthRow> health(Long session) {
        return query("SELECT id, session_id, time, instrument, level, staleness_ms, action, affected_trades, message FROM health_events"
                + (session == null ? "" : " WHERE session_id = ?") + " ORDER BY id", session,
                r -> new HealthRow(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5), nullableLong(r, 6),
                        r.getString(7), r.getString(8), r.getString(9)));
    }

    public synchronized List<EquityPoint> equity(long session) {
        return query("SELECT time, equity FROM equity WHERE session_id = ? ORDER BY time", session,
                r -> new EquityPoint(r.getLong(1), r.getDouble(2)));
    }

    /** The session's last checkpoint (JSON: bar time, equity, open positions), or null. */
    public synchronized String checkpoint(long session) {
        List<String> c = query("SELECT checkpoint FROM sessions WHERE id = ?", session, r -> r.getString(1));
        return c.isEmpty() ? null : c.get(0);
    }

    public record GuardStateRow(long session, String guard, String state, long updatedAt) {
    }

    public synchronized List<GuardStateRow> guardStates() {
        return query("SELECT session_id, guard, state, updated_at FROM guard_state ORDER BY session_id, guard", null,
                r -> new GuardStateRow(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4)));
    }

    public record ModelUpdateRow(long session, long time, String model, long step, String metrics) {
    }

    public synchronized List<ModelUpdateRow> modelUpdates() {
        return modelUpdates(null);
    }

    /** Model training updates of one session, or of all sessions when {@code session} is null, in the order written. */
    public synchronized List<ModelUpdateRow> modelUpdates(Long session) {
        return query("SELECT session_id, time, model, step, metrics FROM model_updates"
                        + (session == null ? "" : " WHERE session_id = ?") + " ORDER BY id", session,
                r -> new ModelUpdateRow(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4), r.getString(5)));
    }

    /** Changes whenever another connection commits: what a status page polls to know it must refresh. */
    public synchronized long dataVersion() {
        return query("PRAGMA data_version", null, r -> r.getLong(1)).get(0);
    }

    public synchronized int count(String table, long session) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        List<Integer> n = query("SELECT COUNT(*) FROM " + table + " WHERE session_id = ?", session, r -> r.getInt(1));
        return n.get(0);
    }

    @Override
    public synchronized void close() {
        for (PreparedStatement p : statements.values()) {
            try {
                p.close();
            } catch (SQLException ignored) {
                // closing: nothing left to save
            }
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException ignored) {
            // a failed last commit leaves the journal at its previous commit
        }
        closeQuietly(connection);
    }

    // ---- plumbing

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRun {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private <T> T call(SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw new JournalException(where + ": " + e.getMessage(), e);
        }
    }

    private void run(SqlRun work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private <T> List<T> query(String sql, Long param, RowMapper<T> mapper) {
        return call(() -> {
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                if (param != null) {
                    p.setLong(1, param);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(mapper.map(r));
                    }
                }
                return out;
            }
        });
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    private long lastId() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
            return r.getLong(1);
        }
    }

    private static void setDouble(PreparedStatement p, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setNull(index, Types.REAL);
        } else {
            p.setDouble(index, v);
        }
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to save on a connection that failed to open
            }
        }
    }
}
