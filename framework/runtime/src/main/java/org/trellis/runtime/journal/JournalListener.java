package org.trellis.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EquityCurve;
import org.trellis.runtime.engine.MarketState;
import org.trellis.runtime.engine.RunListener;

/**
 * Journals one session as it runs: orders (with the deciding probability), fills, vetoes, closed
 * trades (with the probability and market state at their entry, and whether a guard forced the
 * exit) and, in paced runs, the equity after every bar. In a paced run (paper, live) each closed
 * trade is committed before anyone else hears of it: place this listener first. A backtest is
 * committed once, at the end ({@link #finish}), with its equity curve thinned.
 */
public final class JournalListener implements RunListener {
    /** Equity points a backtest keeps in the journal (the report has the full curve). */
    static final int BACKTEST_EQUITY_POINTS = 5_000;
    /** Paced runs commit equity at least this often (bars), so a crash loses little of the curve. */
    static final int COMMIT_EVERY_BARS = 64;
    /** ... and at least once a second of wall time, so that a status page shows recent equity. */
    static final long COMMIT_EVERY_NANOS = 1_000_000_000L;
    /** A backtest commits every so many writes: the journal's one writer lock is never held for a whole run. */
    static final int BACKTEST_COMMIT_WRITES = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Journal journal;
    private final long session;
    private final boolean paced;
    /** Entry orders not filled yet, by order id: the probability and market state they were sent with. */
    private final Map<Long, String[]> pendingEntries = new HashMap<>();
    /** Per instrument: what the entry of its open position was sent with. */
    private final Map<String, String[]> openEntries = new HashMap<>();
    /** Per instrument: whether the last exit fill came from an order forced by a guard or the end of the run. */
    private final Map<String, Boolean> forcedExit = new HashMap<>();
    /** What the session journaled before (a resumed run replays it): written once only. */
    private final Journal.Known known;
    private int barsSinceCommit;
    private int writesSinceCommit;
    /** Per instrument: the last veto journaled (side|reason), until the instrument trades again. */
    private final Map<String, String> lastVeto = new HashMap<>();
    private List<RiskGuard> guards = List.of();
    private final java.util.Set<String> journaledState = new java.util.HashSet<>();
    private long lastBar = Long.MIN_VALUE;
    private double lastEquity = Double.NaN;
    private long lastCommitNanos = System.nanoTime();
    private PortfolioView portfolio;
    /** Instruments the session has traded, in order of first order: whose positions checkpoints list. */
    private final java.util.Set<Instrument> instruments = new java.util.LinkedHashSet<>();

    public JournalListener(Journal journal, long session, boolean paced) {
        this(journal, session, paced, Journal.Known.none());
    }

    /** A listener for a resumed session: events already in {@code known} are not written again. */
    public JournalListener(Journal journal, long session, boolean paced, Journal.Known known) {
        this.journal = journal;
        this.session = session;
        this.paced = paced;
        this.known = known;
    }

    @Override
    public void onOrder(Order order, double probability, MarketState market) {
        instruments.add(order.instrument());
        if (!known.orders().contains(order.id())) {
            journal.order(session, order, probability);
            wrote();
        }
        if (order.purpose() == OrderPurpose.ENTRY) {
            pendingEntries.put(order.id(), new String[] {probabilities(probability), marketState(market)});
        }
    }

    @Override
    public void onFill(Fill fill) {
        lastVeto.remove(fill.order().instrument().symbol());
        if (!known.fills().contains(fill.order().id())) {
            journal.fill(session, fill);
            wrote();
        }
        Order order = fill.order();
        String symbol = order.instrument().symbol();
        if (order.purpose() == OrderPurpose.ENTRY) {
            String[] entry = pendingEntries.remove(order.id());
            if (entry != null) {
                openEntries.put(symbol, entry);
            }
        } else {
            forcedExit.put(symbol, order.purpose() == OrderPurpose.FORCED_EXIT);
        }
    }

    @Override
    public void onTradeClosed(ClosedTrade trade) {
        String symbol = trade.instrument().symbol();
        String[] entry = openEntries.getOrDefault(symbol, new String[2]);
        if (!known.trades().contains(Journal.Known.tradeKey(symbol, trade.entryTime(), trade.exitTime()))) {
            journal.trade(session, trade, forcedExit.getOrDefault(symbol, false), entry[0], entry[1]);
            wrote();
        }
        if (paced) {
            commit();
        }
    }

    @Override
    public void onGuards(List<RiskGuard> guards) {
        this.guards = guards;
    }

    @Override
    public void onHealth(HealthEvent e) {
        String level = e.level().name().toLowerCase(java.util.Locale.ROOT);
        if (known.health().contains(Journal.Known.healthKey(e.time(), e.instrument(), level))) {
            return;
        }
        journal.health(session, new Journal.Health(e.time(), e.instrument(), level,
                e.staleness() < 0 ? null : e.staleness(), e.action(), null, e.message()));
        if (paced) {
            commit();
        }
    }

    @Override
    public void onVeto(OrderIntent intent, String guardReason) {
        // a strategy that asks every bar while a guard refuses every bar would write a row per bar: keep the first
        // of each run of identical vetoes (the report counts them all)
        String symbol = intent.instrument().symbol();
        String repeat = intent.side() + "|" + guardReason;
        if (repeat.equals(lastVeto.put(symbol, repeat))) {
            return; // the instrument has not traded since the same veto: one row for the run
        }
        if (!known.vetoes().contains(Journal.Known.vetoKey(intent.time(), intent.instrument().symbol(), intent.side().name(),
                guardReason))) {
            journal.veto(session, intent, guardReason);
            wrote();
        }
    }

    @Override
    public void onBarClosed(long time, double equity, PortfolioView portfolio) {
        journal.equity(session, time, equity);
        lastBar = time;
        lastEquity = equity;
        this.portfolio = portfolio;
        if (++barsSinceCommit >= COMMIT_EVERY_BARS || System.nanoTime() - lastCommitNanos >= COMMIT_EVERY_NANOS) {
            commit();
        }
    }

    /** Counts a write; a backtest commits in batches of {@value #BACKTEST_COMMIT_WRITES}. */
    private void wrote() {
        if (!paced && ++writesSinceCommit >= BACKTEST_COMMIT_WRITES) {
            journal.commit();
            writesSinceCommit = 0;
        }
    }

    /**
     * Commits, with a checkpoint: the last completed bar (where a resumed run goes back to real
     * time), the equity and the open positions (what the status page shows as live).
     */
    private void commit() {
        if (lastBar != Long.MIN_VALUE) {
            journal.checkpoint(session, lastBar, checkpoint());
            Map<String, Integer> seen = new HashMap<>();
            for (RiskGuard g : guards) {
                int n = seen.merge(g.name(), 1, Integer::sum);
                String name = n == 1 ? g.name() : g.name() + "#" + n; // two guards of one kind keep two rows
                Map<String, Object> state = g.state();
                // a state that went back to empty (a cooldown ended) replaces the last one, so nothing stale stays
                if (!state.isEmpty() || journaledState.contains(name)) {
                    journal.guardState(session, name, json(state), lastBar);
                    journaledState.add(name);
                }
            }
        }
        journal.commit();
        barsSinceCommit = 0;
        lastCommitNanos = System.nanoTime();
    }

    private String checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("barTime", lastBar);
        state.put("equity", Double.isFinite(lastEquity) ? lastEquity : null);
        java.util.List<Map<String, Object>> positions = new java.util.ArrayList<>();
        if (portfolio != null) {
            for (Instrument instrument : instruments) {
                PositionView p = portfolio.position(instrument);
                if (p != null && p.isOpen()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("instrument", instrument.symbol());
                    row.put("side", p.isLong() ? "long" : "short");
                    row.put("shares", Math.abs(p.quantity()));
                    row.put("entryPrice", p.entryPrice());
                    row.put("entryTime", p.entryTime());
                    row.put("mark", p.entryPrice() + p.unrealizedPnl() / p.quantity());
                    row.put("unrealizedPnl", p.unrealizedPnl());
                    row.put("unrealizedReturn", p.unrealizedReturn());
                    positions.add(row);
                }
            }
        }
        state.put("positions", positions);
        return json(state);
    }

    @Override
    public boolean wantsBars() {
        return paced;
    }

    /** After the run: a backtest's equity curve (thinned) and a final commit. */
    public void finish(EquityCurve curve) {
        if (lastBar == Long.MIN_VALUE && curve.size() > 0) {
            lastBar = curve.time(curve.size() - 1); // a backtest's one checkpoint: its end
        }
        if (!paced && curve.size() > 0) {
            int step = Math.max(1, (curve.size() + BACKTEST_EQUITY_POINTS - 1) / BACKTEST_EQUITY_POINTS);
            for (int i = 0; i < curve.size(); i += step) {
                journal.equity(session, curve.time(i), curve.equity(i));
            }
            journal.equity(session, curve.time(curve.size() - 1), curve.equity(curve.size() - 1));
        }
        commit();
    }

    private static String probabilities(double p) {
        return Double.isNaN(p) ? null : json(Map.of("decision", p));
    }

    private static String marketState(MarketState m) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (int i = 0; i < m.featureNames().size(); i++) {
            double v = m.featureValues()[i];
            features.put(m.featureNames().get(i), Double.isFinite(v) ? v : null);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("close", m.close());
        state.put("features", features);
        return json(state);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
