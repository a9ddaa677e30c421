package org.trellis.safety;

import java.util.List;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/**
 * Refuses entries whose decision's probability is below {@code min} (the candle system's 0.6):
 * reason {@value #REASON}. Entries without a probability (rule strategies) pass.
 */
public final class ConfidenceFloorGuard implements RiskGuard {
    public static final String REASON = "confidence-floor";
    private final double min;

    public ConfidenceFloorGuard(double min) {
        this.min = min;
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && intent.probability() < min) { // NaN: no probability, passes
            verdict.veto(REASON);
        }
    }

    @Override
    public String name() {
        return REASON;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "refuse entries whose probability is below min (reason confidence-floor)",
                    List.of(ParamSpec.number("min", 0.6, "lowest probability an entry may have").between(0, 1)),
                    p -> new ConfidenceFloorGuard(p.getDouble("min", 0.6)));
        }
    }
}
