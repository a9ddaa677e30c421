package org.trellis.runtime.engine;

import java.util.List;
import java.util.Map;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.ColumnarBarSeries;

/**
 * Everything a finished run produced: what ran, on what, and what happened.
 *
 * @param vetoes count of orders blocked per guard reason code
 * @param cancelledOrders orders still unfilled when the data ended
 * @param mode backtest or paper
 * @param stoppedEarly true when the run was stopped (e.g. Ctrl-C) before its data ended
 * @param barsProcessed bars the strategy saw (all of them unless stopped early; decisions for a simulated market)
 * @param figures a simulated market's own figures (e.g. ROI as its source defined it), in the order shown; empty for bars
 */
public record RunResult(String strategy, Params params, EngineSettings settings, List<ColumnarBarSeries> data,
                        List<ClosedTrade> trades, EquityCurve equity, double feesPaid,
                        Map<String, Integer> vetoes, int cancelledOrders, int warmUpBars, String mode,
                        boolean stoppedEarly, long barsProcessed, Map<String, Object> figures) {

    public RunResult(String strategy, Params params, EngineSettings settings, List<ColumnarBarSeries> data,
                     List<ClosedTrade> trades, EquityCurve equity, double feesPaid, Map<String, Integer> vetoes,
                     int cancelledOrders, int warmUpBars, String mode, boolean stoppedEarly, long barsProcessed) {
        this(strategy, params, settings, data, trades, equity, feesPaid, vetoes, cancelledOrders, warmUpBars, mode, stoppedEarly,
                barsProcessed, Map.of());
    }
}
