package org.trellis.runtime.alert;

import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.risk.HealthEvent;
import org.trellis.runtime.engine.MarketState;
import org.trellis.runtime.engine.RunListener;

/** Alerts on a session's forced closes (a guard, the kill switch, a manual close), not on its routine end-of-run closes. */
public final class AlertListener implements RunListener {
    private final Alerts alerts;
    private final long session;
    private final String strategy;
    /** A resumed session replays what it did before its crash: nothing up to this time is news. */
    private final long quietUntil;

    public AlertListener(Alerts alerts, long session, String strategy, long quietUntil) {
        this.alerts = alerts;
        this.session = session;
        this.strategy = strategy;
        this.quietUntil = quietUntil;
    }

    @Override
    public void onHealth(HealthEvent e) {
        if (e.time() <= quietUntil) {
            return;
        }
        alerts.send(new Alert("health", strategy + ": " + (e.instrument() == null ? "system" : e.instrument()) + " "
                + e.level().name().toLowerCase(java.util.Locale.ROOT) + (e.action().isEmpty() ? "" : " (" + e.action() + ")"),
                e.message(), System.currentTimeMillis(), session, strategy));
    }

    @Override
    public void onOrder(Order order, double probability, MarketState market) {
        if (order.purpose() == OrderPurpose.FORCED_EXIT && order.submittedAt() > quietUntil && !order.reason().equals("end-of-data")
                && !order.reason().equals("stopped")) {
            alerts.send(new Alert("forced-close", strategy + ": " + order.instrument() + " force-closed (" + order.reason() + ")",
                    order.side() + " " + order.quantity() + " at about " + market.close(), System.currentTimeMillis(), session, strategy));
        }
    }
}
