package org.trellis.api.risk;

/**
 * The strategy's kill switch, offered to guards by {@link RiskGuard#attach(KillSwitch)}: once a
 * guard engages it, every position of the strategy is closed (exit reason {@code kill-switch}) and
 * no entry is accepted for the rest of the session. It is the strategy's own: one strategy's losses
 * never stop another (the operator's switch on the status page stops them all).
 */
public interface KillSwitch {
    KillSwitch NONE = new KillSwitch() {
        @Override
        public void engage(String cause) {
        }

        @Override
        public boolean engaged() {
            return false;
        }
    };

    /** Engages the switch; {@code cause} (e.g. the guard's name) is journaled and alerted. */
    void engage(String cause);

    boolean engaged();
}
