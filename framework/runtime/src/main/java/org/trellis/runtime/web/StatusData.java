package org.trellis.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.runtime.journal.Journal;

/**
 * What the status page shows, read from the journal: sessions with their statistics, open
 * positions (from each running session's last checkpoint), trades, equity, health events, guard
 * states and model training updates. Plain maps and records, serialised as JSON by the API.
 */
final class StatusData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EQUITY_POINTS = 2_000;

    private final Journal journal;

    StatusData(Journal journal) {
        this.journal = journal;
    }

    /** Every session, newest first, with its trade statistics and last equity. */
    List<Map<String, Object>> sessions() {
        List<Journal.TradeStats> stats = journal.tradeStats();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Journal.SessionRow s : journal.sessions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("name", s.name());
            row.put("mode", s.mode());
            row.put("status", s.status());
            row.put("seed", s.seed());
            row.put("script", s.script());
            row.put("startedAt", s.startedAt());
            row.put("endedAt", s.endedAt());
            row.putAll(stats(stats.stream().filter(t -> t.session() == s.id()).toList()));
            JsonNode checkpoint = checkpoint(s.id());
            row.put("equity", checkpoint != null && checkpoint.hasNonNull("equity") ? checkpoint.get("equity").asDouble() : null);
            out.add(0, row);
        }
        return out;
    }

    /** Open positions of running sessions, as of their last checkpoint. */
    List<Map<String, Object>> positions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Journal.SessionRow s : journal.sessions()) {
            if (!s.status().equals("running")) {
                continue;
            }
            JsonNode checkpoint = checkpoint(s.id());
            if (checkpoint == null || !checkpoint.has("positions")) {
                continue;
            }
            for (JsonNode p : checkpoint.get("positions")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("session", s.id());
                row.put("strategy", s.name());
                row.putAll(JSON.convertValue(p, Map.class));
                row.put("asOf", checkpoint.get("barTime").asLong());
                out.add(row);
            }
        }
        return out;
    }

    List<Journal.TradeRow> trades(Long session, int limit) {
        return journal.recentTrades(session, limit);
    }

    /** A session's equity, thinned to at most {@value #MAX_EQUITY_POINTS} points for drawing. */
    List<Journal.EquityPoint> equity(long session) {
        List<Journal.EquityPoint> all = journal.equity(session);
        int step = Math.max(1, (all.size() + MAX_EQUITY_POINTS - 1) / MAX_EQUITY_POINTS);
        List<Journal.EquityPoint> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            out.add(all.get(i));
        }
        if (!all.isEmpty() && out.get(out.size() - 1) != all.get(all.size() - 1)) {
            out.add(all.get(all.size() - 1));
        }
        return out;
    }

    List<Journal.HealthRow> health(Long session) {
        return journal.health(session);
    }

    /** Trade statistics per session and instrument. */
    List<Map<String, Object>> instrumentStats() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Journal.TradeStats t : journal.tradeStats()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("session", t.session());
            row.put("instrument", t.instrument());
            row.putAll(stats(List.of(t)));
            out.add(row);
        }
        return out;
    }

    List<Journal.GuardStateRow> guards() {
        return journal.guardStates();
    }

    List<Journal.ModelUpdateRow> models() {
        return journal.modelUpdates();
    }

    long version() {
        return journal.dataVersion();
    }

    /** Totals over per-instrument statistics rows (one session's, or one row). */
    private static Map<String, Object> stats(List<Journal.TradeStats> rows) {
        int trades = 0;
        int wins = 0;
        double pnl = 0;
        double fees = 0;
        for (Journal.TradeStats t : rows) {
            trades += t.trades();
            wins += t.wins();
            pnl += t.pnl();
            fees += t.fees();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trades", trades);
        m.put("wins", wins);
        m.put("winRate", trades == 0 ? null : (double) wins / trades);
        m.put("pnl", pnl);
        m.put("fees", fees);
        return m;
    }

    private JsonNode checkpoint(long session) {
        String c = journal.checkpoint(session);
        if (c == null) {
            return null;
        }
        try {
            return JSON.readTree(c);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
