package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.api.execution.Executor;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.FillListener;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.KillSwitch;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.Durations;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The event loop shared by backtest and paper mode: for every bar of every instrument, in time
 * order, it lets the executor fill what is due at the bar's open, marks the portfolio at the close,
 * updates the features, asks the guards and then the strategy, and sends the approved orders.
 *
 * <p>Per bar it allocates nothing; objects are made only when an order is sent.
 */
public final class BacktestEngine {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestEngine.class);
    private static final int PROGRESS_EVERY = 1 << 13;
    /** Reason code of entries skipped because the leverage limit left no room. */
    public static final String NO_BUYING_POWER = "no-buying-power";

    private final PartRegistry registry;
    private final EngineSettings settings;
    private final Controls controls;

    public BacktestEngine(PartRegistry registry, EngineSettings settings) {
        this(registry, settings, null);
    }

    private BacktestEngine(PartRegistry registry, EngineSettings settings, Controls controls) {
        this.registry = registry;
        this.settings = settings;
        this.controls = controls;
    }

    /** The same engine, obeying {@code controls} (kill switch, manual closes) in paced runs. */
    public BacktestEngine withControls(Controls controls) {
        return new BacktestEngine(registry, settings, controls);
    }

    /** A backtest: bars as fast as possible, nothing to listen to. */
    public RunResult run(String strategyName, Params params, List<ColumnarBarSeries> data, List<RiskGuard> guards,
                         ProgressListener progress) {
        return run(strategyName, params, data, guards, progress, RunMode.BACKTEST, RunListener.NONE);
    }

    public RunResult run(String strategyName, Params params, List<ColumnarBarSeries> data, List<RiskGuard> guards,
                         ProgressListener progress, RunMode mode, RunListener listener) {
        return run(Pipeline.of(registry, strategyName, params), data, guards, progress, mode, listener);
    }

    public RunResult run(Pipeline pipeline, List<ColumnarBarSeries> data, List<RiskGuard> guards,
                         ProgressListener progress, RunMode mode, RunListener listener) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one data series");
        }
        Run run = new Run(pipeline, data, guards, mode, listener);
        LOG.info("{} strategy={} params={} threshold={} sizing={} seed={} fee={}bps slippage={}bps fill={}", mode.name(),
                pipeline.name(), run.params, pipeline.threshold(), pipeline.sizing().describe(), settings.seed(),
                settings.feeBps(), settings.slippageBps(), settings.fillTiming());
        return run.execute(progress);
    }

    /** One run's mutable state. */
    private final class Run implements FillListener {
        private final String strategyName;
        private final Params params;
        private final List<ColumnarBarSeries> data;
        private final RiskGuard[] guards;
        private final int k;
        private final Lane[] lanes;
        private final Portfolio portfolio;
        private final Executor executor;
        private final Decision decision = new Decision();
        private final Verdict verdict = new Verdict();
        private final ForceClose forceClose = new ForceClose();
        private final Map<String, Integer> vetoes = new TreeMap<>();
        private final EquityCurve equity;
        private final double costBuffer;
        private final RunMode mode;
        /** False in a backtest, whose bars never wait and which nobody stops. */
        private final boolean paced;
        /** One instrument: one equity point per bar, at the bar's time. */
        private final boolean oneAxis;
        private final double threshold;
        private final Sizing sizing;
        private final RunListener listener;
        private boolean stoppedEarly;
        /** The instrument whose bar is being processed; the clock reads its bar's time. */
        private int at;
        private long nextOrderId = 1;
        /**
         * This strategy's own kill switch, tripped by its guards on this thread (a plain field: read once
         * per bar, never by another thread); the status page's global switch is the engine's Controls.
         */
        private boolean killed;
        /** Per instrument: already closed since the strategy's kill switch engaged. */
        private boolean[] killClosed;
        private int cancelled;

        Run(Pipeline pipeline, List<ColumnarBarSeries> data, List<RiskGuard> guards, RunMode mode, RunListener listener) {
            this.mode = mode;
            this.paced = mode.paced();
            this.listener = listener;
            this.strategyName = pipeline.name();
            this.params = pipeline.params();
            this.threshold = pipeline.threshold();
            this.sizing = pipeline.sizing();
            this.data = List.copyOf(data);
            this.guards = guards.toArray(new RiskGuard[0]);
            this.k = data.size();
            List<Instrument> symbols = new ArrayList<>();
            for (ColumnarBarSeries s : data) {
                if (symbols.contains(s.instrument())) {
                    throw new IllegalArgumentException("instrument " + s.instrument() + " appears in two data series");
                }
                symbols.add(s.instrument());
            }
            checkComparable(data);
            KillSwitch killSwitch = new KillSwitch() {
                @Override
                public void engage(String cause) {
                    if (!killed) {
                        killed = true;
                        LOG.warn("{}: kill switch engaged by {}: closing every position, no new entries", pipeline.name(), cause);
                        listener.onHealth(new HealthEvent(now(), null, HealthEvent.Level.CRITICAL, -1,
                                "kill switch: close every position, no new entries", "tripped by " + cause));
                    }
                }

                @Override
                public boolean engaged() {
                    return killed || (controls != null && controls.killSwitchEngaged());
                }
            };
            for (RiskGuard guard : guards) {
                guard.reset();
                guard.attach(listener::onHealth);
                guard.attach(killSwitch);
            }
            listener.onGuards(List.copyOf(guards));
            this.portfolio = new Portfolio(settings.capital(), symbols);
            this.executor = registry.executor("simulated", Params.of(Map.of(
                    "fee-bps", settings.feeBps(), "slippage-bps", settings.slippageBps(),
                    "fill", settings.fillTiming().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))));
            this.costBuffer = (settings.feeBps() + settings.slippageBps()) / 10_000.0;
            this.lanes = new Lane[k];
            int total = 0;
            for (int i = 0; i < k; i++) {
                ColumnarBarSeries bars = data.get(i);
                Strategy s = pipeline.strategies().get();
                FeatureBank features = FeatureBank.build(registry, pipeline.featureRequests(s), bars, mode.featureBlockBars());
                s.bind(features.schema());
                if (bars.size() < features.warmUp()) {
                    LOG.warn("{} has {} bars, fewer than the {} the features need to warm up: the strategy will never decide",
                            bars.source(), bars.size(), features.warmUp());
                }
                BarContext context = new BarContext(new BarCursor(bars), features, portfolio.position(i), portfolio, this::now);
                lanes[i] = new Lane(bars, features, s, context);
                total += bars.size();
            }
            // guards see every lane's bars; the lanes share the pipeline's feature requests, hence one schema
            for (RiskGuard guard : guards) {
                guard.bind(lanes[0].features.schema());
            }
            this.equity = k == 1 ? EquityCurve.alongside(lanes[0].series) : new EquityCurve(total);
            this.oneAxis = equity.followsAxis();
        }

        /**
         * The per-bar loop: one plain pass in time order. For each bar: fills due at its open, the
         * mark at its close, features, guards, the strategy's decision, and the equity point.
         */
        RunResult execute(ProgressListener progress) {
            // Locals, not fields: the JIT cannot trust a field across the loop's rare calls (orders,
            // fills, feature blocks) and would reload every one of them on every bar.
            final Lane[] lanes = this.lanes;
            final Executor executor = this.executor;
            final Portfolio portfolio = this.portfolio;
            final EquityCurve equity = this.equity;
            final Decision decision = this.decision;
            final boolean guarded = guards.length > 0;
            final boolean paced = this.paced;
            final boolean oneAxis = this.oneAxis;
            final boolean barListener = listener.wantsBars();
            final Controls controls = paced ? BacktestEngine.this.controls : null;
            final long[] seenGlobal = new long[k];
            int[] next = new int[k];
            long total = countBars();
            long done = 0;
            for (int i = earliest(next, lanes); i >= 0; i = earliest(next, lanes)) {
                Lane lane = lanes[i];
                int index = next[i];
                if (paced && (mode.stopRequested() || !awaitBar(lane.series.time(index)))) {
                    stoppedEarly = true;
                    LOG.info("{} stopped on request after {} of {} bars", mode.name(), done, total);
                    break;
                }
                next[i] = index + 1;
                BarCursor bar = lane.cursor.moveTo(index);
                at = i;
                executor.onBar(lane.instrument, lane.view, this);
                portfolio.mark(i, bar.close());
                lane.features.moveTo(index, lane.size);
                if (guarded) {
                    checkGuards(i, portfolio.position(i));
                }
                if (controls != null && controls.latest() != seenGlobal[i]) {
                    obey(controls, seenGlobal, i);
                }
                if (killed) {
                    closeForKillSwitch(i);
                }
                if (lane.features.ready()) {
                    lane.strategy.decide(lane.context, decision.reset());
                    // an order still waiting to fill is not doubled; acting is rare: out of line
                    if (decision.side() != Side.HOLD && !executor.hasPending(lane.instrument)) {
                        act(i, portfolio.position(i));
                    }
                }
                double e = portfolio.equity();
                portfolio.updatePeak(e);
                if (oneAxis) {
                    equity.append(e, portfolio.openPositions() > 0);
                } else {
                    equity.record(bar.time(), e, portfolio.openPositions() > 0);
                }
                if (barListener) {
                    listener.onBarClosed(bar.time(), e, portfolio);
                }
                if ((++done & (PROGRESS_EVERY - 1)) == 0) {
                    progress.progress(done, total);
                }
            }
            finish(next);
            progress.progress(total, total);
            equity.trim();
            return new RunResult(strategyName, params, settings, data, portfolio.trades(), equity,
                    portfolio.feesPaid(), vetoes, cancelled, lanes[0].features.warmUp(), mode.name(), stoppedEarly, done);
        }

        /**
         * Instruments of one run must share a bar size (a bar of one must not be decided on before
         * the shorter bars it spans) and overlap in time (the run's figures are annualised over one
         * period).
         */
        private void checkComparable(List<ColumnarBarSeries> data) {
            ColumnarBarSeries first = data.get(0);
            for (ColumnarBarSeries s : data.subList(1, data.size())) {
                if (s.barMillis() != first.barMillis()) {
                    throw new IllegalArgumentException("the instruments of one run need one bar size: " + first.source()
                            + " has " + Durations.format(first.barMillis()) + " bars, " + s.source() + " has "
                            + Durations.format(s.barMillis()) + "; resample one, or run them separately");
                }
                long start = Math.max(first.time(0), s.time(0));
                long end = Math.min(first.time(first.size() - 1), s.time(s.size() - 1));
                if (start > end) {
                    throw new IllegalArgumentException("the instruments of one run must overlap in time: " + first.source()
                            + " and " + s.source() + " share no period; run them separately");
                }
            }
        }

        /** What the parts' clock says: the close of the bar being processed (decisions happen there). */
        private long now() {
            return lanes[at].cursor.time() + lanes[at].series.barMillis();
        }

        /** Time of the last bar processed (the equity curve's last point), or the first bar's if none was. */
        private long lastBarTime() {
            return equity.size() > 0 ? equity.time(equity.size() - 1) : lanes[0].series.time(0);
        }

        /** Waits until the mode releases the bar; false when interrupted (treated as a stop). */
        private boolean awaitBar(long barTime) {
            try {
                mode.awaitBar(barTime);
                return !mode.stopRequested();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private long countBars() {
            long n = 0;
            for (ColumnarBarSeries s : data) {
                n += s.size();
            }
            return n;
        }

        /** The series whose next bar comes first (ties: the earlier series). */
        private static int earliest(int[] next, Lane[] lanes) {
            int k = lanes.length;
            if (k == 1) {
                return next[0] < lanes[0].size ? 0 : -1;
            }
            int best = -1;
            long bestTime = Long.MAX_VALUE;
            for (int i = 0; i < k; i++) {
                if (next[i] < lanes[i].size) {
                    long t = lanes[i].series.time(next[i]);
                    if (t < bestTime) {
                        bestTime = t;
                        best = i;
                    }
                }
            }
            return best;
        }

        private void checkGuards(int i, Position position) {
            for (RiskGuard guard : guards) {
                guard.onBar(lanes[i].context, forceClose.reset());
                if (forceClose.requested()) {
                    int target = forceClose.instrument() == null ? i : laneOf(forceClose.instrument());
                    Position p = target == i ? position : target >= 0 ? portfolio.position(target) : null;
                    if (p != null && p.quantity != 0 && !executor.hasPending(p.instrument())) {
                        send(target, exitSide(p), Math.abs(p.quantity), OrderPurpose.FORCED_EXIT, forceClose.reason());
                    }
                }
            }
        }

        /** The lane of the instrument with this symbol, or -1 (a guard may name one this run does not trade). */
        private int laneOf(String symbol) {
            for (int j = 0; j < k; j++) {
                if (lanes[j].instrument.symbol().equals(symbol)) {
                    return j;
                }
            }
            return -1;
        }

        /**
         * Acts on the close requests {@code controls} received since this instrument last looked: closes
         * its position if one names it (or all), and remembers the latest request seen.
         */
        private void obey(Controls controls, long[] seen, int i) {
            Position p = portfolio.position(i);
            String symbol = p.instrument().symbol();
            for (Controls.Request r : controls.since(seen[i])) {
                if ((r.symbol().equals(Controls.ALL) || r.symbol().equals(symbol)) && p.quantity != 0
                        && !executor.hasPending(p.instrument())) {
                    send(i, exitSide(p), Math.abs(p.quantity), OrderPurpose.FORCED_EXIT, r.reason());
                }
                seen[i] = r.number();
            }
        }

        /** Closes the instrument's position once after the strategy's kill switch engaged. */
        private void closeForKillSwitch(int i) {
            if (killClosed == null) {
                killClosed = new boolean[k];
            }
            Position p = portfolio.position(i);
            if (!killClosed[i] && p.quantity != 0 && !executor.hasPending(p.instrument())) {
                send(i, exitSide(p), Math.abs(p.quantity), OrderPurpose.FORCED_EXIT, Controls.KILL_SWITCH);
                killClosed[i] = true;
            } else if (p.quantity == 0 && !executor.hasPending(p.instrument())) {
                killClosed[i] = true; // flat with nothing on its way: nothing to close (an entry in flight is closed once filled)
            }
        }

        private void act(int i, Position position) {
            if (decision.probability() < threshold) { // NaN (no probability) passes
                vetoes.merge(Pipeline.BELOW_THRESHOLD, 1, Integer::sum);
                return;
            }
            Side side = decision.side();
            String reason = decision.reason().isEmpty() ? "signal" : decision.reason();
            double q = position.quantity;
            // A reversal is an exit then an entry; when a guard blocks the exit, the entry must not go out alone.
            if (side == Side.BUY) {
                boolean flat = q == 0 || (q < 0 && send(i, OrderSide.BUY, -q, OrderPurpose.EXIT, reason));
                if (flat) {
                    enter(i, OrderSide.BUY, reason);
                }
            } else {
                boolean flat = q == 0 || (q > 0 && send(i, OrderSide.SELL, q, OrderPurpose.EXIT, reason));
                if (flat && settings.allowShort()) {
                    enter(i, OrderSide.SELL, reason);
                }
            }
        }

        /**
         * Opens a position of {@code size} x equity, within the run's leverage limit: gross exposure
         * after the entry may not exceed {@code maxLeverage} x equity (1 = no borrowing), counting the
         * positions of every instrument. An entry with no room left is counted as vetoed by
         * {@value #NO_BUYING_POWER}.
         */
        private void enter(int i, OrderSide side, String reason) {
            if (killed || (controls != null && paced && controls.killSwitchEngaged())) {
                vetoes.merge(Controls.KILL_SWITCH, 1, Integer::sum);
                listener.onVeto(new OrderIntent(lanes[i].instrument, side, 0, OrderPurpose.ENTRY, lanes[i].cursor.close(),
                        decision.probability(), now()), Controls.KILL_SWITCH);
                return;
            }
            double size = sizing.size(decision, settings.defaultSize());
            double equityNow = portfolio.equity();
            // entries only follow a flat position or the exit just sent for it: that position's
            // exposure is on its way out and must not block its own reversal
            double leaving = Math.abs(portfolio.position(i).markedValue());
            double room = settings.maxLeverage() * equityNow - (portfolio.grossExposure() - leaving) - portfolio.pendingEntryNotional();
            double notional = Math.min(equityNow * size, room);
            if (!(notional > 0)) {
                vetoes.merge(NO_BUYING_POWER, 1, Integer::sum);
                return;
            }
            double quantity = notional / (lanes[i].cursor.close() * (1 + costBuffer));
            if (send(i, side, quantity, OrderPurpose.ENTRY, reason) && executor.hasPending(lanes[i].instrument)) {
                portfolio.reserve(i, notional);
            }
        }

        /** Runs the guards over the order and sends it unless vetoed; returns whether it went out. */
        private boolean send(int i, OrderSide side, double quantity, OrderPurpose purpose, String reason) {
            Instrument instrument = lanes[i].instrument;
            if (purpose != OrderPurpose.FORCED_EXIT && guards.length > 0) {
                OrderIntent intent = new OrderIntent(instrument, side, quantity, purpose, lanes[i].cursor.close(),
                        decision.probability(), now());
                for (RiskGuard guard : guards) {
                    guard.review(intent, portfolio, verdict.reset());
                    if (verdict.outcome() == Verdict.Outcome.VETO) {
                        vetoes.merge(verdict.reason(), 1, Integer::sum);
                        listener.onVeto(intent, verdict.reason());
                        return false;
                    }
                    if (verdict.outcome() == Verdict.Outcome.RESIZE) {
                        quantity = verdict.quantity();
                        intent = new OrderIntent(instrument, side, quantity, purpose, intent.referencePrice(),
                                intent.probability(), now());
                    }
                }
            }
            Order order = new Order(nextOrderId++, instrument, side, quantity, purpose, reason, now());
            if (listener != RunListener.NONE) { // the market snapshot is made only for someone who listens
                listener.onOrder(order, purpose == OrderPurpose.FORCED_EXIT ? Double.NaN : decision.probability(), market(i));
            }
            executor.submit(order, lanes[i].view, this);
            return true;
        }

        /** The instrument's close and feature row now: made for listeners when an order goes out (rare). */
        private MarketState market(int i) {
            return new MarketState(lanes[i].cursor.close(), lanes[i].features.schema().names(), lanes[i].features.row());
        }

        private OrderSide exitSide(Position p) {
            return p.quantity > 0 ? OrderSide.SELL : OrderSide.BUY;
        }

        @Override
        public void onFill(Fill fill) {
            int closedBefore = portfolio.tradeCount();
            int index = portfolio.apply(fill, fill.order().reason());
            if (!executor.hasPending(fill.order().instrument())) {
                portfolio.release(index);
            }
            listener.onFill(fill);
            for (int t = closedBefore; t < portfolio.tradeCount(); t++) {
                listener.onTradeClosed(portfolio.trade(t));
            }
            for (RiskGuard guard : guards) {
                guard.onFill(fill, portfolio);
            }
        }

        private void finish(int[] next) {
            cancelled = executor.cancelAll();
            portfolio.releaseAll();
            if (cancelled > 0) {
                LOG.info("{} order(s) were still waiting for a next bar when the data ended and were cancelled", cancelled);
            }
            if (!settings.closeAtEnd()) {
                equity.record(lastBarTime(), portfolio.equity(), portfolio.openPositions() > 0);
                return;
            }
            for (int i = 0; i < k; i++) {
                Position p = portfolio.position(i);
                if (p.quantity != 0) {
                    lanes[i].cursor.moveTo(next[i] - 1); // the last bar this instrument reached
                    Order order = new Order(nextOrderId++, p.instrument(), exitSide(p), Math.abs(p.quantity),
                            OrderPurpose.FORCED_EXIT, stoppedEarly ? "stopped" : "end-of-data", now());
                    if (listener != RunListener.NONE) {
                        listener.onOrder(order, Double.NaN, market(i));
                    }
                    executor.flatten(order, lanes[i].view, this);
                }
            }
            equity.record(lastBarTime(), portfolio.equity(), false);
        }
    }
}
