package org.trellis.runtime.report;

import java.util.List;
import java.util.Map;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.Durations;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.RunResult;

/**
 * What a backtest reports, in the order it is shown: what ran, on what data, with which costs,
 * and how it went. Serialised as the JSON report; rendered as text and HTML. {@code market}: a simulated
 * market's own figures (absent for runs on bars).
 */
public record BacktestReport(String mode, String strategy, Map<String, Object> params, EngineSettings settings,
                             List<DataInfo> data, String start, String end, long bars, boolean stoppedEarly,
                             Performance performance, List<InstrumentPnl> instruments, Map<String, Integer> vetoes,
                             int cancelledOrders, int warmUpBars,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                             Map<String, Object> market) {

    public static BacktestReport of(RunResult run) {
        List<DataInfo> data = run.data().stream().map(BacktestReport::info).toList();
        long start = run.data().stream().mapToLong(s -> s.time(0)).min().orElse(0);
        long end = run.stoppedEarly() && run.equity().size() > 0 ? run.equity().time(run.equity().size() - 1)
                : run.data().stream().mapToLong(s -> s.time(s.size() - 1)).max().orElse(0);
        long bars = run.barsProcessed();
        Performance perf = PerformanceCalculator.compute(run.settings().capital(), run.equity(), run.trades(), run.feesPaid());
        List<InstrumentPnl> perInstrument = PerformanceCalculator.byInstrument(
                run.data().stream().map(s -> s.instrument().symbol()).toList(), run.trades());
        return new BacktestReport(run.mode(), run.strategy(), run.params().asMap(), run.settings(), data, Times.iso(start),
                Times.iso(end), bars, run.stoppedEarly(), perf, perInstrument, run.vetoes(), run.cancelledOrders(), run.warmUpBars(),
                run.figures());
    }

    private static DataInfo info(ColumnarBarSeries s) {
        return new DataInfo(s.source(), s.instrument().symbol(), s.size(), Durations.format(s.barMillis()),
                Times.iso(s.time(0)), Times.iso(s.time(s.size() - 1)));
    }
}
