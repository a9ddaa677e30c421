package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.runtime.plugin.PartRegistry;

/** Entries for several instruments on one bar are judged against each other, not only against filled positions. */
class SameBarEntriesTest {

    static RunResult run(String guard, Map<String, ?> params) {
        PartRegistry registry = PartRegistry.discover();
        registry.register(Fake.alwaysLong());
        EngineSettings settings = new EngineSettings(10_000, 0, 0, FillTiming.NEXT_OPEN, false, 0.3, 1.0, true, 42);
        return new BacktestEngine(registry, settings).run(Pipeline.of(registry, "always-long", Params.empty()),
                List.of(StaleFeedBacktestTest.bars(Instrument.spot("BTC/USD"), 30, 999, 999),
                        StaleFeedBacktestTest.bars(Instrument.spot("ETH/USD"), 30, 999, 999),
                        StaleFeedBacktestTest.bars(Instrument.spot("SOL/USD"), 30, 999, 999)),
                List.of(registry.riskGuard(guard, Params.of(params))), (d, t) -> { }, RunMode.BACKTEST, RunListener.NONE);
    }

    @Test
    void maxPositionsHoldsWhenEveryInstrumentWantsInOnTheSameBar() {
        RunResult r = run("max-positions", Map.of("limit", 2));
        assertEquals(2, r.trades().size(), "two positions, closed at the end; the third never opened");
        assertTrue(r.vetoes().get("max-positions") > 0);
    }

    @Test
    void exposureHoldsWhenEveryInstrumentWantsInOnTheSameBar() {
        RunResult r = run("exposure", Map.of("per-position", 0.3, "total", 0.5));
        double total = r.trades().stream().mapToDouble(t -> t.quantity() * t.entryPrice()).sum();
        assertTrue(total <= 0.5 * 10_000 + 1e-6, "total entered " + total + " within 50% of equity");
    }
}
