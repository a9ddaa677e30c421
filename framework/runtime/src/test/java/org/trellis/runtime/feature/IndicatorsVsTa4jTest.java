package org.trellis.runtime.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarCursor;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.testing.Ta4jBridge;

/**
 * The built-in indicators against ta4j 0.17 (DoubleNum) on real bundled data: every value from the
 * declared warm-up on must agree within 1e-9 relative. Trellis values come from the incremental form
 * (update / write, one bar at a time), ta4j's from its indicators evaluated in bar order.
 */
class IndicatorsVsTa4jTest {
    private static final double RELATIVE = 1e-9;

    @ParameterizedTest(name = "sma{1} on {0}")
    @CsvSource({"aapl-1d, 1", "aapl-1d, 2", "aapl-1d, 5", "aapl-1d, 20", "aapl-1d, 50", "aapl-1d, 200",
        "btc-usd-1m, 3", "btc-usd-1m, 10", "btc-usd-1m, 30", "btc-usd-1m, 200", "btc-usd-1m, 1000"})
    void smaEqualsTa4j(String dataset, int period) {
        compare(dataset, new SmaFeatures(period), close -> new SMAIndicator(close, period));
    }

    @ParameterizedTest(name = "ema{1} on {0}")
    @CsvSource({"aapl-1d, 1", "aapl-1d, 2", "aapl-1d, 5", "aapl-1d, 20", "aapl-1d, 50", "aapl-1d, 200",
        "btc-usd-1m, 3", "btc-usd-1m, 10", "btc-usd-1m, 30", "btc-usd-1m, 200", "btc-usd-1m, 1000"})
    void emaEqualsTa4j(String dataset, int period) {
        compare(dataset, new EmaFeatures(period), close -> new EMAIndicator(close, period));
    }

    @ParameterizedTest(name = "rsi{1} on {0}")
    @CsvSource({"aapl-1d, 1", "aapl-1d, 2", "aapl-1d, 5", "aapl-1d, 14", "aapl-1d, 50",
        "btc-usd-1m, 2", "btc-usd-1m, 14", "btc-usd-1m, 30", "btc-usd-1m, 200"})
    void rsiEqualsTa4j(String dataset, int period) {
        compare(dataset, new RsiFeatures(period), close -> new RSIIndicator(close, period));
    }

    private static void compare(String dataset, FeatureSet trellis,
                                java.util.function.Function<ClosePriceIndicator, Indicator<Num>> reference) {
        ColumnarBarSeries series = BundledData.bars(dataset);
        assertTrue(series.size() > trellis.warmUp() + 20, "series too short for the warm-up");
        Indicator<Num> ta = reference.apply(new ClosePriceIndicator(Ta4jBridge.toTa4j(series)));
        assertEquals(1, trellis.names().size());
        double[] out = new double[1];
        BarCursor cursor = new BarCursor(series);
        int compared = 0;
        double worst = 0;
        for (int i = 0; i < series.size(); i++) {
            trellis.update(cursor.moveTo(i));
            double expected = ta.getValue(i).doubleValue(); // in bar order, as a backtest evaluates it
            if (i + 1 < trellis.warmUp()) {
                continue;
            }
            trellis.write(out, 0);
            double got = out[0];
            double error = Math.abs(got - expected);
            double allowed = RELATIVE * Math.abs(expected);
            if (!(error <= allowed)) {
                fail(trellis.names().get(0) + " on " + dataset + " at bar " + i + " (warm-up " + trellis.warmUp()
                        + "): trellis " + got + ", ta4j " + expected + ", relative error " + error / Math.abs(expected));
            }
            worst = Math.max(worst, expected == 0 ? 0 : error / Math.abs(expected));
            compared++;
        }
        assertEquals(series.size() - trellis.warmUp() + 1, compared);
        assertTrue(worst < RELATIVE, "worst relative error " + worst);
    }
}
