package org.trellis.safety;

import java.util.List;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;

/**
 * Binary contracts: closes a position, and refuses entries, once the contract expires in
 * {@code minutes} or less (the binary-market system used T-2, later T-3): reason {@value #REASON}.
 * Instruments without an expiry are left alone.
 */
public final class PreExpiryGuard implements RiskGuard {
    public static final String REASON = "pre-expiry";
    private final long windowMillis;

    public PreExpiryGuard(double minutes) {
        this.windowMillis = Math.round(minutes * 60_000);
    }

    private boolean closing(Instrument i, long now) {
        return i.isBinary() && i.expiryMillis() - now <= windowMillis;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        if (context.position().isOpen() && closing(context.instrument(), context.clock().nowMillis())) {
            forceClose.close(REASON);
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && closing(intent.instrument(), intent.time())) {
            verdict.veto(REASON);
        }
    }

    @Override
    public String name() {
        return REASON;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "binary contracts: close and refuse entries <minutes> before expiry (reason pre-expiry)",
                    List.of(ParamSpec.number("minutes", 3, "minutes before expiry").atLeast(0)),
                    p -> new PreExpiryGuard(p.getDouble("minutes", 3)));
        }
    }
}
