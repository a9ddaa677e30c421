package org.trellis.rl.train;

import java.util.Optional;
import java.util.function.Function;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.ppo.AgentAction;
import org.trellis.rl.ppo.Experience;
import org.trellis.rl.ppo.UpdateReport;
import org.trellis.rl.sim.Action;
import org.trellis.rl.sim.AssetMarket;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.ConfidenceSizing;
import org.trellis.rl.sim.Fill;
import org.trellis.rl.state.StateTracker;

/**
 * Steps the simulator tick by tick and lets a policy trade every asset, paper mode. Per asset and tick:
 * the tracker takes the tick's features once, the policy acts on that history (one forward pass: action,
 * log-probability and value of the same tick), the order is sized by confidence, and the step waits in
 * a {@link PendingStep} until its reward is final: at the asset's next tick (realized PnL of its fill,
 * done = false) or at its market's expiry (plus the settlement PnL, done = true). Expired markets get no
 * forward pass.
 */
final class TrainingLoop {
    /** Why {@link #run} returned. */
    enum Ending {
        /** The requested number of updates ran. */
        UPDATES_DONE,
        /** The recorded data (or the configured windows) ended first. */
        DATA_ENDED,
        /** A {@link StopRequest} arrived (SIGINT/SIGTERM). */
        STOPPED
    }

    /** Where finished steps go: the PPO trainer, or nowhere when only evaluating. */
    interface StepSink {
        Optional<UpdateReport> record(Experience step);
    }

    interface Listener {
        /** After every tick on which the markets were open (all assets acted). */
        default void onTick(long tick) {
        }

        /** After update {@code update} (1-based), with the closed trades since the previous one. */
        default void onUpdate(int update, UpdateReport report, TradeTally sinceLast) {
        }
    }

    private final BinaryMarketSimulator sim;
    private final Function<float[], AgentAction> policy;
    private final StepSink sink;
    private final double baseDollars;
    private final StateTracker[] trackers;
    private final PendingStep[] pending;
    private final TradeTally sinceUpdate = new TradeTally();
    private final TradeTally total = new TradeTally();
    private int updates;

    TrainingLoop(BinaryMarketSimulator sim, Function<float[], AgentAction> policy, StepSink sink, double baseDollars) {
        if (!(baseDollars > 0) || Double.isInfinite(baseDollars)) {
            throw new IllegalArgumentException("--base-size must be > 0 dollars, got " + baseDollars);
        }
        this.sim = sim;
        this.policy = policy;
        this.sink = sink;
        this.baseDollars = baseDollars;
        this.trackers = new StateTracker[sim.assets()];
        this.pending = new PendingStep[sim.assets()];
        for (int a = 0; a < trackers.length; a++) {
            trackers[a] = new StateTracker();
            pending[a] = new PendingStep(a, AgentSizes.PHASE5.historyValues());
        }
    }

    /**
     * Trades until {@code maxUpdates} updates have run (counted from this loop's start), the simulator
     * ends, or {@code stop} is requested; always returns at a tick boundary.
     */
    Ending run(int maxUpdates, StopRequest stop, Listener listener) {
        while (sim.advance()) {
            for (int a = 0; a < trackers.length; a++) {
                AssetMarket market = sim.asset(a);
                if (market.expired()) {
                    sinceUpdate.onExpiry(market.expiry());
                    total.onExpiry(market.expiry());
                    if (pending[a].isHeld()) {
                        record(pending[a].release(market.expiry().pnl(), true), listener);
                    }
                }
            }
            if (!sim.marketsOpen()) {
                return Ending.DATA_ENDED; // the final tick only settles
            }
            for (int a = 0; a < trackers.length; a++) {
                tradeOne(a, listener);
            }
            listener.onTick(sim.now());
            // checked after the whole tick so every asset acted on the same tick before the loop ends
            if (updates >= maxUpdates) {
                return Ending.UPDATES_DONE;
            }
            if (stop.requested()) {
                return Ending.STOPPED;
            }
        }
        return Ending.DATA_ENDED;
    }

    private void tradeOne(int a, Listener listener) {
        AssetMarket market = sim.asset(a);
        trackers[a].update(market);
        if (pending[a].isHeld()) {
            record(pending[a].release(0, false), listener);
        }
        float[] history = trackers[a].history();
        AgentAction acted = policy.apply(history);
        Action action = Action.ofIndex(acted.action());
        Fill fill = sim.act(a, action, ConfidenceSizing.dollars(baseDollars, action, acted.probabilities()[acted.action()]));
        sinceUpdate.onFill(fill);
        total.onFill(fill);
        pending[a].hold(history, acted, fill.realizedPnl());
    }

    private void record(Experience step, Listener listener) {
        sink.record(step).ifPresent(report -> {
            updates++;
            listener.onUpdate(updates, report, sinceUpdate.snapshotAndReset());
        });
    }

    /** Closed trades and settled markets since the loop started. */
    TradeTally total() {
        return total;
    }

    int updates() {
        return updates;
    }

    /** The tick being (or last) traded, epoch seconds. */
    long now() {
        return sim.now();
    }
}
