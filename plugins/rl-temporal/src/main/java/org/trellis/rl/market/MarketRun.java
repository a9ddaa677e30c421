package org.trellis.rl.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.market.Instrument;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.HealthReporter;
import org.trellis.api.risk.KillSwitch;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.ml.spi.MarketRequest;
import org.trellis.ml.spi.MarketResult;
import org.trellis.rl.infer.DecisionNetwork;
import org.trellis.rl.model.StateFeatures;
import org.trellis.rl.sim.Action;
import org.trellis.rl.sim.AssetMarket;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.ConfidenceSizing;
import org.trellis.rl.sim.OrderBook;
import org.trellis.rl.sim.Position;
import org.trellis.rl.sim.Token;
import org.trellis.rl.state.StateTracker;

/**
 * The agent trading the simulated binary markets in evaluation mode: per tick, markets that expire
 * settle first; then per asset the tracker takes the tick's features, the guards look at the asset
 * (and may force a close), and the agent picks its most probable action (argmax), sized by confidence,
 * which the guards review before it walks the book. A force-closed asset does not act again in that
 * tick (one action per market per tick). Ticks before {@code from} only warm the trackers up.
 */
final class MarketRun {
    /** Exit reason of positions paid out at their market's end. */
    static final String SETTLED = "settled";
    static final String SIGNAL = "signal";
    static final String KILL_SWITCH = "kill-switch";
    private static final int PROGRESS_EVERY = 1 << 10;

    private final BinaryMarketSimulator sim;
    private final DecisionNetwork network;
    private final RiskGuard[] guards;
    private final double baseDollars;
    private final long fromSecond;
    private final FeedOutages outages;
    private final VenueFailures venue;
    private final double slippageWarning;
    private final HealthReporter health;
    private final MarketRequest.Progress progress;
    private final MarketRequest.Events events;
    private final Map<String, Object> about;
    private final int assets;
    private final String[] symbols;
    private final StateTracker[] trackers;
    private final AssetContext[] contexts;
    private final SimPortfolio portfolio;
    private final float[] probabilities;
    private final ForceClose forceClose = new ForceClose();
    private final Verdict verdict = new Verdict();
    private final Map<String, Integer> vetoes = new TreeMap<>();
    private final Map<String, Integer> forcedCloses = new TreeMap<>();
    private final long[] actedAt;
    private final boolean[] killClosed;
    /** Per asset, an emergency close that did not complete: its reason, first attempt and attempts made. */
    private final String[] retryReason;
    private final long[] retryFirst;
    private final int[] retryAttempts;
    /** Per asset: an emergency close was given up; guards' closes wait for the market to settle. */
    private final boolean[] gaveUp;
    private int slippageWarnings;
    private int emergencyGiveUps;
    private boolean killed;
    private long nextOrderId = 1;
    private long decisions;
    private int opened;
    private int partialCloses;
    private double unfilledDollars;

    /** Seconds after an emergency close's first attempt at which it is tried again (the source's backoff). */
    private static final long[] BACKOFF_SECONDS = {0, 5, 10};

    MarketRun(BinaryMarketSimulator sim, DecisionNetwork network, List<RiskGuard> guards, double capital, double baseDollars,
              long fromSecond, FeedOutages outages, HealthReporter health, MarketRequest.Progress progress,
              Map<String, Object> about) {
        this(sim, network, guards, capital, baseDollars, fromSecond, outages, VenueFailures.none(), 0.10, health, progress,
                MarketRequest.Events.NONE, about);
    }

    /**
     * @param venue           the simulated venue's failures
     * @param slippageWarning an emergency close filled this far (a fraction) below the mid raises a health event
     */
    MarketRun(BinaryMarketSimulator sim, DecisionNetwork network, List<RiskGuard> guards, double capital, double baseDollars,
              long fromSecond, FeedOutages outages, VenueFailures venue, double slippageWarning, HealthReporter health,
              MarketRequest.Progress progress, MarketRequest.Events events, Map<String, Object> about) {
        if (!(baseDollars > 0) || Double.isInfinite(baseDollars)) {
            throw new IllegalArgumentException("market parameter base-size must be > 0 dollars, got " + baseDollars);
        }
        this.sim = sim;
        this.network = network;
        this.guards = guards.toArray(new RiskGuard[0]);
        this.baseDollars = baseDollars;
        this.fromSecond = fromSecond;
        this.outages = outages;
        this.venue = venue;
        this.slippageWarning = slippageWarning;
        this.health = health;
        this.progress = progress;
        this.events = events;
        this.about = about;
        this.assets = sim.assets();
        this.symbols = new String[assets];
        this.trackers = new StateTracker[assets];
        this.contexts = new AssetContext[assets];
        this.actedAt = new long[assets];
        this.killClosed = new boolean[assets];
        this.retryReason = new String[assets];
        this.retryFirst = new long[assets];
        this.retryAttempts = new int[assets];
        this.gaveUp = new boolean[assets];
        AssetMarket[] markets = new AssetMarket[assets];
        for (int a = 0; a < assets; a++) {
            markets[a] = sim.asset(a);
            symbols[a] = symbol(markets[a].asset());
            trackers[a] = new StateTracker();
        }
        this.portfolio = new SimPortfolio(capital, markets, symbols);
        long tickMillis = (long) sim.tickSeconds() * 1000;
        for (int a = 0; a < assets; a++) {
            contexts[a] = new AssetContext(markets[a], symbols[a], portfolio, portfolio.position(a), () -> sim.now() * 1000,
                    tickMillis);
        }
        this.probabilities = new float[network.actions()];
        KillSwitch killSwitch = new KillSwitch() {
            @Override
            public void engage(String cause) {
                if (!killed) {
                    killed = true;
                    health.report(new HealthEvent(sim.now() * 1000, null, HealthEvent.Level.CRITICAL, -1,
                            "kill switch: close every position, no new entries", "tripped by " + cause));
                }
            }

            @Override
            public boolean engaged() {
                return killed;
            }
        };
        FeatureSchema schema = new FeatureSchema(StateFeatures.NAMES);
        for (RiskGuard guard : this.guards) {
            guard.reset();
            guard.attach(health);
            guard.attach(killSwitch);
            guard.bind(schema);
        }
    }

    /** The symbol of an asset's rolling 15-minute UP market, e.g. {@code BTC-UP-15m}. */
    static String symbol(String asset) {
        return asset.toUpperCase(java.util.Locale.ROOT) + "-UP-15m";
    }

    MarketResult run() {
        int tick = sim.tickSeconds();
        long first = Math.max(sim.start(), fromSecond);
        int points = (int) ((sim.end() - first) / tick) + 1;
        long[] times = new long[points];
        double[] equity = new double[points];
        boolean[] invested = new boolean[points];
        double[][] mids = new double[assets][points];
        int n = 0;
        long totalTicks = (sim.end() - sim.start()) / tick + 1;
        long ticks = 0;
        java.util.Arrays.fill(actedAt, Long.MIN_VALUE);
        while (sim.advance()) {
            long now = sim.now();
            boolean trading = now >= fromSecond;
            settle(now);
            if (sim.marketsOpen()) {
                for (int a = 0; a < assets; a++) {
                    trackers[a].update(sim.asset(a)); // warms up before `from` too: the features need history
                }
                if (trading) {
                    retryEmergencyCloses(now);
                    for (int a = 0; a < assets; a++) {
                        if (!outages.out(a, now) && !bookRequestFailed(a, now)) {
                            step(a, now);
                        }
                    }
                }
            }
            if (trading) {
                double e = portfolio.equity();
                portfolio.updatePeak(e);
                times[n] = now * 1000;
                equity[n] = e;
                invested[n] = portfolio.openPositions() > 0;
                for (int a = 0; a < assets; a++) {
                    // the final tick has no open market: keep the last quote
                    mids[a][n] = sim.marketsOpen() || n == 0 ? sim.asset(a).book().mid() : mids[a][n - 1];
                }
                n++;
            }
            if ((++ticks & (PROGRESS_EVERY - 1)) == 0) {
                progress.progress(ticks, totalTicks);
            }
        }
        progress.progress(totalTicks, totalTicks);
        if (n == 0) {
            throw new IllegalArgumentException("nothing to evaluate: 'from' (" + java.time.Instant.ofEpochSecond(fromSecond)
                    + ") is after the simulation's last window ends (" + java.time.Instant.ofEpochSecond(sim.end()) + ")");
        }
        List<MarketResult.Series> series = new ArrayList<>();
        for (int a = 0; a < assets; a++) {
            series.add(new MarketResult.Series(symbols[a], (long) tick * 1000, java.util.Arrays.copyOf(times, n),
                    java.util.Arrays.copyOf(mids[a], n)));
        }
        return new MarketResult(series, portfolio.trades(), java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(equity, n),
                java.util.Arrays.copyOf(invested, n), portfolio.feesPaid(), vetoes, figures(first), decisions);
    }

    /** Markets whose window ended at this tick pay their holders out. */
    private void settle(long now) {
        for (int a = 0; a < assets; a++) {
            AssetMarket market = sim.asset(a);
            if (market.expired()) {
                retryReason[a] = null; // an emergency close still being retried, or given up, ends with its market
                gaveUp[a] = false;
            }
            if (market.expired() && market.expiry().held() != null) {
                Token token = market.expiry().held();
                double payout = token.price(market.expiry().payoutUp());
                double shares = market.expiry().shares();
                events.onTradeClosed(portfolio.closed(a, token, now * 1000, shares, payout, 0, market.expiry().pnl(), SETTLED));
                notifyFill(a, OrderSide.SELL, shares, payout, 0, OrderPurpose.EXIT, SETTLED, now * 1000);
            }
        }
    }

    private void step(int a, long now) {
        AssetContext context = contexts[a];
        context.tick(trackers[a].current());
        for (RiskGuard guard : guards) {
            guard.onBar(context, forceClose.reset());
            if (forceClose.requested()) {
                int target = forceClose.instrument() == null ? a : assetOf(forceClose.instrument());
                if (target >= 0 && emergencyCloseAllowed(target)) {
                    close(target, now, forceClose.reason(), true);
                }
            }
        }
        if (killed && !killClosed[a] && emergencyCloseAllowed(a)) {
            killClosed[a] = !sim.asset(a).position().isOpen() || close(a, now, KILL_SWITCH, true);
        }
        if (actedAt[a] == now) {
            return; // force-closed this tick: one action per market per tick
        }
        network.actionProbabilities(trackers[a].history(), 0, probabilities);
        decisions++;
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        Action action = Action.ofIndex(best);
        Position held = sim.asset(a).position();
        if (action == Action.HOLD || (held.isOpen() && held.token() == wanted(action))) {
            return; // nothing to do, or the same side again (no pyramiding)
        }
        if (held.isOpen()) {
            close(a, now, SIGNAL, false);
        } else {
            open(a, now, action, probabilities[best]);
        }
    }

    private static Token wanted(Action action) {
        return action == Action.BUY ? Token.UP : Token.DOWN;
    }

    private void open(int a, long now, Action action, double p) {
        Token token = wanted(action);
        OrderBook book = sim.asset(a).book();
        if (token == Token.UP ? book.askLevels() == 0 : book.bidLevels() == 0) {
            vetoes.merge("no-depth", 1, Integer::sum);
            return;
        }
        // the token's best ask: UP's ask, or 1 - UP's bid for DOWN (guards see orders in the token bought)
        double tokenPrice = token.price(token == Token.UP ? book.askPrice(0) : book.bidPrice(0));
        double dollars = ConfidenceSizing.dollars(baseDollars, action, p);
        OrderIntent intent = new OrderIntent(contexts[a].instrument(), OrderSide.BUY, dollars / tokenPrice, OrderPurpose.ENTRY,
                tokenPrice, p, now * 1000);
        if (killed) {
            vetoes.merge(KILL_SWITCH, 1, Integer::sum);
            events.onVeto(intent, KILL_SWITCH);
            return;
        }
        double quantity = review(intent);
        if (!(quantity > 0)) {
            return;
        }
        if (venue.orderFails()) {
            actedAt[a] = now;
            orderFailed(a, OrderSide.BUY, quantity, OrderPurpose.ENTRY, SIGNAL, now);
            return;
        }
        org.trellis.rl.sim.Fill fill = act(a, now, action, quantity * tokenPrice);
        unfilledDollars += fill.unfilled();
        if (fill.outcome() == org.trellis.rl.sim.Fill.Outcome.OPENED) {
            opened++;
            portfolio.opened(a, contexts[a].instrument(), now * 1000, fill.shares(), fill.averagePrice(), fill.fee(), SIGNAL);
            notifyFill(a, OrderSide.BUY, fill.shares(), fill.averagePrice(), fill.fee(), OrderPurpose.ENTRY, SIGNAL, now * 1000);
        } else if (fill.outcome() == org.trellis.rl.sim.Fill.Outcome.NO_DEPTH) {
            vetoes.merge("no-depth", 1, Integer::sum);
        }
    }

    /**
     * Closes an asset's whole position into the book; a forced close skips the guards' review and is an
     * emergency close (see {@link #emergency}). Returns whether the position is flat afterwards (false: not
     * open, already acted this tick, vetoed, failed, or the book could not absorb it all).
     */
    private boolean close(int a, long now, String reason, boolean forced) {
        Position held = sim.asset(a).position();
        if (!held.isOpen() || actedAt[a] == now) {
            return false;
        }
        Token token = held.token();
        OrderSide side = OrderSide.SELL; // guards see the held token sold
        OrderBook book = sim.asset(a).book();
        if (!forced) {
            double tokenBid = token.price(token == Token.UP ? book.bidPrice(0) : book.askPrice(0));
            OrderIntent intent = new OrderIntent(contexts[a].instrument(), side, held.shares(), OrderPurpose.EXIT, tokenBid,
                    Double.NaN, now * 1000);
            if (!(review(intent) > 0)) {
                return false;
            }
        } else if (retryReason[a] == null) {
            forcedCloses.merge(reason, 1, Integer::sum); // retries of one emergency close count once
        }
        OrderPurpose purpose = forced ? OrderPurpose.FORCED_EXIT : OrderPurpose.EXIT;
        double shares = held.shares();
        double tokenMid = token.price(book.mid());
        if (venue.orderFails()) {
            actedAt[a] = now;
            orderFailed(a, side, shares, purpose, reason, now);
            if (forced) {
                emergency(a, now, reason, 0, shares, Double.NaN, tokenMid);
            }
            return false;
        }
        org.trellis.rl.sim.Fill fill = act(a, now, token == Token.UP ? Action.SELL : Action.BUY, 0);
        if (fill.shares() > 0) {
            events.onTradeClosed(portfolio.closed(a, token, now * 1000, fill.shares(), fill.averagePrice(), fill.fee(),
                    fill.realizedPnl(), reason));
            notifyFill(a, side, fill.shares(), fill.averagePrice(), fill.fee(), purpose, reason, now * 1000);
        }
        boolean flat = !held.isOpen();
        if (flat) {
            retryReason[a] = null; // closed, whoever closed it: nothing left to retry
        }
        if (forced) {
            emergency(a, now, reason, fill.shares(), shares, fill.averagePrice(), tokenMid);
        } else if (!flat) {
            partialCloses++;
            health.report(new HealthEvent(now * 1000, symbols[a], HealthEvent.Level.DEGRADED, -1, "close " + reason + " incomplete",
                    String.format(java.util.Locale.ROOT, "the book absorbed %.2f of %.2f shares; the rest stays open",
                            fill.shares(), shares)));
        }
        return flat;
    }

    /**
     * What the source did after an emergency close: warn when its volume-weighted price fell more than
     * {@code slippageWarning} below the mid; when the book could not absorb it all (or the order failed),
     * report it as critical and try again 5 and 10 s after the first attempt, then give up, saying so.
     */
    private void emergency(int a, long now, String reason, double filled, double wanted, double vwap, double tokenMid) {
        if (filled > 0 && tokenMid > 0 && (tokenMid - vwap) / tokenMid > slippageWarning) {
            slippageWarnings++;
            health.report(new HealthEvent(now * 1000, symbols[a], HealthEvent.Level.DEGRADED, -1,
                    "emergency close (" + reason + ") filled far below the mid",
                    String.format(java.util.Locale.ROOT, "volume-weighted %.4f vs mid %.4f: slippage %.1f%% > %.1f%%", vwap, tokenMid,
                            100 * (tokenMid - vwap) / tokenMid, 100 * slippageWarning)));
        }
        if (!sim.asset(a).position().isOpen()) {
            retryReason[a] = null;
            return;
        }
        if (retryReason[a] == null) {
            retryReason[a] = reason;
            retryFirst[a] = now;
            retryAttempts[a] = 0;
        }
        retryAttempts[a]++;
        boolean giveUp = retryAttempts[a] >= BACKOFF_SECONDS.length;
        partialCloses++;
        String what = filled > 0 ? String.format(java.util.Locale.ROOT, "the book absorbed %.2f of %.2f shares", filled, wanted)
                : Double.isNaN(vwap) ? "the venue rejected the order" : "the book had no depth";
        health.report(new HealthEvent(now * 1000, symbols[a], HealthEvent.Level.CRITICAL, -1,
                giveUp ? "emergency close (" + reason + ") given up: the position stays open"
                        : "emergency close (" + reason + ") incomplete: retry in "
                        + (retryFirst[a] + BACKOFF_SECONDS[retryAttempts[a]] - now) + " s",
                what + " (attempt " + retryAttempts[a] + " of " + BACKOFF_SECONDS.length + ")"));
        if (giveUp) {
            emergencyGiveUps++;
            retryReason[a] = null;
            gaveUp[a] = true;
        }
    }

    /**
     * Whether a guard's close may start now: not while an earlier emergency close of the asset waits for its
     * retry (guards ask on every tick; the retries keep their own 5 and 10 s schedule), nor after one was
     * given up, until its market settles.
     */
    private boolean emergencyCloseAllowed(int a) {
        return retryReason[a] == null && !gaveUp[a];
    }

    /** Emergency closes due again (whether or not their asset's feed is out: the venue still takes orders). */
    private void retryEmergencyCloses(long now) {
        for (int a = 0; a < assets; a++) {
            if (retryReason[a] != null && !sim.asset(a).position().isOpen()) {
                retryReason[a] = null;
            } else if (retryReason[a] != null && now >= retryFirst[a] + BACKOFF_SECONDS[retryAttempts[a]]) {
                close(a, now, retryReason[a], true);
            }
        }
    }

    /** A failed book request is an API error: guards hear of it, and the asset has no fresh book this tick. */
    private boolean bookRequestFailed(int a, long now) {
        if (!venue.bookFails()) {
            return false;
        }
        for (RiskGuard guard : guards) {
            guard.onApiError("book " + symbols[a], "the venue did not answer (simulated)", now * 1000);
        }
        return true;
    }

    private void orderFailed(int a, OrderSide side, double quantity, OrderPurpose purpose, String reason, long now) {
        Order order = order(a, side, quantity, purpose, reason, now * 1000);
        for (RiskGuard guard : guards) {
            guard.onOrderFailed(order, "rejected by the venue (simulated)", now * 1000);
        }
    }

    private Order order(int a, OrderSide side, double quantity, OrderPurpose purpose, String reason, long time) {
        Instrument instrument = contexts[a].instrument() != null ? contexts[a].instrument() : Instrument.spot(symbols[a]);
        return new Order(nextOrderId++, instrument, side, quantity, purpose, reason, time);
    }

    private org.trellis.rl.sim.Fill act(int a, long now, Action action, double dollars) {
        actedAt[a] = now;
        return sim.act(a, action, dollars);
    }

    /** Runs the guards over an order: the quantity to send (resizes chain), or 0 when one vetoes it. */
    private double review(OrderIntent intent) {
        double quantity = intent.quantity();
        for (RiskGuard guard : guards) {
            guard.review(intent, portfolio, verdict.reset());
            if (verdict.outcome() == Verdict.Outcome.VETO) {
                vetoes.merge(verdict.reason(), 1, Integer::sum);
                events.onVeto(intent, verdict.reason());
                return 0;
            }
            if (verdict.outcome() == Verdict.Outcome.RESIZE) {
                quantity = verdict.quantity();
                intent = new OrderIntent(intent.instrument(), intent.side(), quantity, intent.purpose(), intent.referencePrice(),
                        intent.probability(), intent.time());
            }
        }
        return quantity;
    }

    private void notifyFill(int a, OrderSide side, double shares, double tokenPrice, double fee, OrderPurpose purpose, String reason,
                            long time) {
        if (guards.length == 0) {
            return;
        }
        Fill fill = new Fill(order(a, side, shares, purpose, reason, time), shares, tokenPrice, fee, time);
        for (RiskGuard guard : guards) {
            guard.onFill(fill, portfolio);
        }
    }

    private int assetOf(String symbol) {
        for (int a = 0; a < assets; a++) {
            if (symbols[a].equals(symbol)) {
                return a;
            }
        }
        return -1;
    }

    private Map<String, Object> figures(long first) {
        double pnl = portfolio.realizedPnl();
        Map<String, Object> f = new LinkedHashMap<>(about);
        f.put("evaluated from", java.time.Instant.ofEpochSecond(first).toString());
        f.put("windows", (sim.end() - first) / 900);
        f.put("decisions (argmax)", decisions);
        f.put("positions opened", opened);
        f.put("PnL", pnl);
        f.put("ROI %", 100 * pnl / (baseDollars * assets));
        f.put("ROI is", "PnL / (base size x markets) = PnL / (" + baseDollars + " x " + assets + "), as the source defined it");
        f.put("base size", baseDollars);
        f.put("forced closes", forcedCloses.isEmpty() ? "none" : forcedCloses.toString());
        f.put("incomplete closes (book too thin, or rejected; each attempt)", partialCloses);
        f.put("entry dollars the book could not absorb", unfilledDollars);
        f.put("emergency closes", String.format(java.util.Locale.ROOT, "%d slippage warning(s) above %.0f%%, %d given up",
                slippageWarnings, 100 * slippageWarning, emergencyGiveUps));
        f.put("venue failures", venue.describe());
        f.put("feed outages", outages.describe());
        return f;
    }
}
