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
 */
public record RunResult(String strategy, Params params, EngineSettings settings, List<ColumnarBarSeries> data,
                        List<ClosedTrade> trades, EquityCurve equity, double feesPaid,
                        Map<String, Integer> vetoes, int cancelledOrders, int warmUpBars) {
}
