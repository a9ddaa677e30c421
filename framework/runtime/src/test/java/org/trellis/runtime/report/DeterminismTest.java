package org.trellis.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.runtime.plugin.PartRegistry;

/** Same inputs and seed, same bytes: the JSON report and the trades CSV of two runs are identical. */
class DeterminismTest {

    private static RunResult run(EngineSettings settings, Map<String, ?> params, List<ColumnarBarSeries> data) {
        // a fresh registry and engine each time: nothing may carry over from one run to the next
        return new BacktestEngine(PartRegistry.discover(), settings).run("sma-cross", Params.of(params), data, List.of(),
                ProgressListener.NONE);
    }

    private static String json(RunResult r) {
        return ReportJson.toJson(BacktestReport.of(r));
    }

    @Test
    void oneInstrumentTwiceGivesTheSameBytes() {
        EngineSettings settings = EngineSettings.defaults();
        List<ColumnarBarSeries> data = List.of(BundledData.bars("btc-usd-1m"));
        RunResult a = run(settings, Map.of("fast", 10, "slow", 30), data);
        // something else in between, to catch state that leaks from run to run
        RunResult other = run(settings.withAllowShort(true), Map.of("fast", 3, "slow", 8), data);
        RunResult b = run(settings, Map.of("fast", 10, "slow", 30), data);

        String csv = TradesCsv.toCsv(a.trades());
        assertTrue(csv.lines().count() > 100, "a real trade list");
        assertEquals(csv, TradesCsv.toCsv(b.trades()));
        assertEquals(json(a), json(b));
        // and the comparison is not vacuous: a different run reads differently
        assertNotEquals(json(a), json(other));
        assertNotEquals(csv, TradesCsv.toCsv(other.trades()));
    }

    @Test
    void twoInstrumentsWithShortsTwiceGiveTheSameBytes() {
        EngineSettings settings = EngineSettings.defaults().withAllowShort(true).withFillTiming(FillTiming.SIGNAL_CLOSE);
        ColumnarBarSeries btc = BundledData.bars("btc-usd-1m");
        // a second one-minute instrument over the same week (runs need one bar size and overlapping periods)
        ColumnarBarSeries syn = new org.trellis.runtime.data.SyntheticBars(7, 60_000L, btc.time(0), 800.0).generate(btc.size());
        List<ColumnarBarSeries> data = List.of(btc, syn);
        RunResult a = run(settings, Map.of("fast", 5, "slow", 20), data);
        RunResult b = run(settings, Map.of("fast", 5, "slow", 20), data);
        String csv = TradesCsv.toCsv(a.trades());
        assertTrue(csv.contains("SYN/USD") && csv.contains("BTC/USD") && csv.contains("short"), "both instruments, both sides");
        assertEquals(csv, TradesCsv.toCsv(b.trades()));
        assertEquals(json(a), json(b));
    }
}
