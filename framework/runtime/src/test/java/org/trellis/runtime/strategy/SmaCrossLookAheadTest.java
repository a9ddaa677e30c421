package org.trellis.runtime.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.LookAheadProbe;

/** sma-cross decides, and trades, from bars up to the current one only. */
class SmaCrossLookAheadTest {

    @ParameterizedTest(name = "{0} fast={1} slow={2} {3}")
    @CsvSource({"btc-usd-1m, 10, 30, NEXT_OPEN", "btc-usd-1m, 5, 20, SIGNAL_CLOSE", "eth-usd-5m, 10, 30, NEXT_OPEN",
        "aapl-1d, 3, 7, SIGNAL_CLOSE"})
    void decisionsUpToTIgnoreLaterBars(String dataset, int fast, int slow, FillTiming timing) {
        ColumnarBarSeries series = BundledData.bars(dataset);
        LookAheadProbe.assertStrategyCausal(new SmaCrossFactory(), params(fast, slow),
                EngineSettings.defaults().withFillTiming(timing), series, slow);
    }

    /** Round trips whose exit filled at or before bar t are the same whatever comes after t. */
    @ParameterizedTest(name = "{0} fast={1} slow={2} {3}")
    @CsvSource({"btc-usd-1m, 10, 30, NEXT_OPEN", "btc-usd-1m, 10, 30, SIGNAL_CLOSE"})
    void tradesClosedByTIgnoreLaterBars(String dataset, int fast, int slow, FillTiming timing) {
        ColumnarBarSeries series = BundledData.bars(dataset);
        EngineSettings settings = EngineSettings.defaults().withFillTiming(timing);
        List<ClosedTrade> base = run(series, fast, slow, settings);
        for (int t : new int[] {slow, series.size() / 3, series.size() / 2, series.size() - 2}) {
            long cutTime = series.time(t);
            List<ClosedTrade> before = base.stream().filter(x -> x.exitTime() <= cutTime).toList();
            assertTrue(t == slow || !before.isEmpty(), "some trades close before bar " + t);
            for (LookAheadProbe.Perturbation p : LookAheadProbe.Perturbation.values()) {
                List<ClosedTrade> changed = run(LookAheadProbe.perturbAfter(series, t, p), fast, slow, settings).stream()
                        .filter(x -> x.exitTime() <= cutTime).toList();
                assertEquals(before, changed, "trades closed by bar " + t + " changed when later bars were replaced (" + p + ")");
            }
        }
    }

    private static List<ClosedTrade> run(ColumnarBarSeries series, int fast, int slow, EngineSettings settings) {
        return new BacktestEngine(PartRegistry.discover(), settings).run("sma-cross", params(fast, slow), List.of(series),
                List.of(), ProgressListener.NONE).trades();
    }

    private static Params params(int fast, int slow) {
        return Params.of(Map.of("fast", fast, "slow", slow));
    }
}
