package org.trellis.safety;

import java.util.List;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/**
 * At most {@code limit} positions open at once (the binary-market system's 4, the candle system's
 * 3): an entry that would open one more is vetoed with {@value #REASON}. Exits always pass.
 */
public final class MaxPositionsGuard implements RiskGuard {
    public static final String REASON = "max-positions";
    private final int limit;

    public MaxPositionsGuard(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("max-positions limit must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        // entries sent on this bar for other instruments count: they will be positions by the next open
        if (intent.isEntry() && !portfolio.position(intent.instrument()).isOpen()
                && portfolio.openPositions() + portfolio.pendingEntries() >= limit) {
            verdict.veto(REASON);
        }
    }

    @Override
    public String name() {
        return REASON;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "veto entries while <limit> positions are open (reason max-positions)",
                    List.of(ParamSpec.integer("limit", 4, "open positions allowed at once").atLeast(1)),
                    p -> new MaxPositionsGuard(p.getInt("limit", 4)));
        }
    }
}
