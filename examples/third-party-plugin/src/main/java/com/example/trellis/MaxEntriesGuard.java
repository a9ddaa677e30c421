package com.example.trellis;

import java.util.List;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/**
 * Vetoes new entries once {@code limit} entries have filled in the run (reason code
 * {@value #REASON}); exits always pass, so open positions can still be closed.
 */
public final class MaxEntriesGuard implements RiskGuard {
    public static final String REASON = "max-entries";
    private final int limit;
    private int entries;

    public MaxEntriesGuard(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("max-entries limit must be >= 0, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (intent.isEntry() && entries >= limit) {
            verdict.veto(REASON);
        }
    }

    @Override
    public void onFill(Fill fill, PortfolioView portfolio) {
        if (fill.order().purpose() == OrderPurpose.ENTRY) {
            entries++;
        }
    }

    @Override
    public void reset() {
        entries = 0;
    }

    /** Found by Trellis through META-INF/services/org.trellis.api.plugin.RiskGuardFactory. */
    public static final class Factory implements RiskGuardFactory {
        @Override
        public String name() {
            return "max-entries";
        }

        @Override
        public String description() {
            return "veto entries after the first <limit> of a run (reason max-entries)";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("limit", 10, "entries allowed per run"));
        }

        @Override
        public RiskGuard create(Params params) {
            return new MaxEntriesGuard(params.getInt("limit", 10));
        }
    }
}
