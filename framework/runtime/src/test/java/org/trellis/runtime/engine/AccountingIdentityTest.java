package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * Money is conserved on a real run: the portfolio's cash, kept fill by fill, and the trade records,
 * kept round trip by round trip, are two independent books that must agree once everything is closed.
 */
class AccountingIdentityTest {
    @ParameterizedTest
    @CsvSource({"NEXT_OPEN, false", "NEXT_OPEN, true", "SIGNAL_CLOSE, false", "SIGNAL_CLOSE, true"})
    void tradePnlAddsUpToTheEquityChangeAndTradeFeesToTheFeesPaid(FillTiming timing, boolean shorts) {
        EngineSettings settings = EngineSettings.defaults().withFillTiming(timing).withAllowShort(shorts);
        RunResult r = new BacktestEngine(PartRegistry.discover(), settings).run("sma-cross",
                Params.of(Map.of("fast", 10, "slow", 30)), List.of(BundledData.bars("btc-usd-1m")), List.of(),
                ProgressListener.NONE);
        assertTrue(r.trades().size() > 100, "a real run");
        double pnl = r.trades().stream().mapToDouble(ClosedTrade::pnl).sum();
        double fees = r.trades().stream().mapToDouble(ClosedTrade::fees).sum();
        assertEquals(r.equity().last() - settings.capital(), pnl, 1e-6);
        assertEquals(r.feesPaid(), fees, 1e-6);
        assertTrue(r.trades().stream().allMatch(t -> t.exitTime() >= t.entryTime()), "no trade exits before it enters");
    }
}
