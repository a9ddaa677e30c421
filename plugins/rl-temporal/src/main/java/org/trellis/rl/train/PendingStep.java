package org.trellis.rl.train;

import org.trellis.rl.ppo.AgentAction;
import org.trellis.rl.ppo.Experience;

/**
 * One asset's last acted tick, held until its reward is final: the fill's realized PnL is known at
 * once, but whether the market expires before the asset's next tick (adding the settlement PnL and
 * ending the episode) is only known one tick later.
 */
final class PendingStep {
    private final int stream;
    private final float[] history;
    private AgentAction acted;
    private float reward;

    PendingStep(int stream, int historyValues) {
        this.stream = stream;
        this.history = new float[historyValues];
    }

    /** Holds this tick's step; {@code liveHistory} is copied (the tracker rewrites it next tick). */
    void hold(float[] liveHistory, AgentAction action, double realizedPnl) {
        System.arraycopy(liveHistory, 0, history, 0, history.length);
        acted = action;
        reward = (float) realizedPnl;
    }

    boolean isHeld() {
        return acted != null;
    }

    /** The held step as an experience, {@code extraReward} added (the settlement PnL at expiry); nothing is held after. */
    Experience release(double extraReward, boolean done) {
        Experience experience = Experience.of(stream, history, acted, reward + (float) extraReward, done);
        acted = null;
        return experience;
    }
}
