package org.trellis.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.trellis.runtime.data.ColumnarBarSeries;

/** The same sma-cross in ta4j 0.17 with {@link DoubleNum}: the reference the engine is compared to. */
public final class Ta4jSmaCross {
    private Ta4jSmaCross() {
    }

    /** Copies Trellis bars into a ta4j series of {@link DoubleNum} (a bar's end time is its open time + bar size). */
    public static BarSeries toTa4j(ColumnarBarSeries bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.instrument().symbol())
                .withNumTypeOf(DoubleNum::valueOf).build();
        Duration period = Duration.ofMillis(bars.barMillis());
        for (int i = 0; i < bars.size(); i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(bars.time(i) + bars.barMillis()), ZoneOffset.UTC);
            series.addBar(period, end, bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        return series;
    }

    /**
     * Builds fresh indicators and strategy (ta4j indicators cache their values, so reusing them would
     * measure a cache) and runs them with orders filled at the next bar's open and a 10 bps fee. The
     * strategy is unstable for its first {@code slow} bars, the bars before the slow SMA has a full
     * window (ta4j's SMA averages over fewer bars there instead of having no value).
     */
    public static TradingRecord run(BarSeries series, int fast, int slow, double feeBps) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fastSma = new SMAIndicator(close, fast);
        SMAIndicator slowSma = new SMAIndicator(close, slow);
        Strategy strategy = new BaseStrategy("sma-cross", new CrossedUpIndicatorRule(fastSma, slowSma),
                new CrossedDownIndicatorRule(fastSma, slowSma), slow);
        BarSeriesManager manager = new BarSeriesManager(series, new LinearTransactionCostModel(feeBps / 10_000.0),
                new ZeroCostModel(), new TradeOnNextOpenModel());
        return manager.run(strategy);
    }
}
