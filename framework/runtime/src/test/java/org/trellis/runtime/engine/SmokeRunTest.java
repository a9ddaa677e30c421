package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.report.BacktestReport;
import org.trellis.runtime.report.ReportText;

class SmokeRunTest {
    @Test
    void smaCrossRunsOnBundledBitcoin() {
        var engine = new BacktestEngine(PartRegistry.discover(), EngineSettings.defaults());
        RunResult r = engine.run("sma-cross", Params.of(Map.of("fast", 10, "slow", 30)),
                List.of(BundledData.bars("btc-usd-1m")), List.of(), ProgressListener.NONE);
        System.out.println(ReportText.render(BacktestReport.of(r)));
        assertTrue(r.trades().size() > 10);
    }
}
