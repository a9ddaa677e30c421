package org.trellis.rl.state;

import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.sim.AssetMarket;
import org.trellis.rl.sim.TradeBatch;

/**
 * One asset's agent state: reads the simulator's view of that asset once per tick, computes the 18
 * features and pushes them into the market's history exactly once. History and prob volatility are
 * per market and start over when a market opens; the underlying's features carry on.
 */
public final class StateTracker {
    private final UnderlyingFeatures underlying = new UnderlyingFeatures();
    private final ProbVolatility probs = new ProbVolatility();
    private final FeatureHistory history = new FeatureHistory(AgentSizes.PHASE5);
    private final float[] current = new float[StateVector.SIZE];
    private long tick = Long.MIN_VALUE;

    /**
     * Takes in the tick the market has just advanced to; call once per tick while its market is open.
     *
     * @throws IllegalStateException when called twice for the same tick
     */
    public void update(AssetMarket market) {
        if (market.now() <= tick) {
            throw new IllegalStateException(market.asset() + ": the features of tick " + market.now() + " are already in the history");
        }
        tick = market.now();
        if (market.opened()) {
            history.clear();
            probs.clear();
        }
        TradeBatch trades = market.trades();
        for (int i = 0; i < trades.size(); i++) {
            underlying.onTrade(trades.time(i), trades.price(i), trades.amount(i));
        }
        underlying.advanceTo(tick);
        probs.add(market.book().mid());
        StateVector.compute(underlying, market.book(), probs.std(), market.position(), market.timeRemaining(), current);
        history.push(current);
    }

    /** This tick's 18 features; a live view, do not modify. */
    public float[] current() {
        return current;
    }

    /** The market's last 5 states flattened oldest first (zero-padded in front), this tick's last. */
    public float[] history() {
        return history.flat();
    }

    /** States in the history (1 on a market's first tick, at most 5). */
    public int historySize() {
        return history.size();
    }
}
