package org.trellis.safety;

import java.util.List;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.strategy.StrategyContext;

/**
 * Closes a position held for {@code seconds} or longer (the binary-market system closed after 840 s,
 * 14 minutes): reason {@value #REASON}. Age is the run's clock (the bar's close) minus the entry time.
 */
public final class MaxAgeGuard implements RiskGuard {
    public static final String REASON = "max-age";
    private final long maxMillis;

    public MaxAgeGuard(long seconds) {
        this.maxMillis = seconds * 1000;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        PositionView p = context.position();
        if (p.isOpen() && context.clock().nowMillis() - p.entryTime() >= maxMillis) {
            forceClose.close(REASON);
        }
    }

    @Override
    public String name() {
        return REASON;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "close a position held for <seconds> or more (reason max-age)",
                    List.of(ParamSpec.integer("seconds", 840, "longest holding time").atLeast(1)),
                    p -> new MaxAgeGuard(p.getInt("seconds", 840)));
        }
    }
}
