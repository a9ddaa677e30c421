package org.trellis.deeplearning.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;
import org.trellis.api.market.BarSeries;
import org.trellis.runtime.data.BundledData;

/**
 * Every candle feature that ta4j 0.17 has (directly, or as a ratio of ta4j indicators with the bar's
 * own close or volume) against ta4j on DoubleNum series of real bundled data. Every bar from the
 * set's warm-up on is compared, and also every earlier bar where the feature already has a value.
 *
 * <p>Tolerance: {@code |a - b| <= 1e-9 * |b|}. Only features that cross zero (MACD and its signal and
 * histogram, ROC, Williams %R, OBV, the distances to the high and low, range and %B positions) also
 * accept an absolute floor, sized from the operands the value is a difference of: {@code 1e-12 *
 * close} for MACD, signal and histogram (differences of price-sized EMAs) and for the standard
 * deviations (in a flat window ta4j's is rounding noise of its price-sized mean, about 1e-13 * price,
 * where the candle feature's is exactly 0), {@code 1e-12} for the
 * dimensionless ones (also the std percentages and band width; {@code 1e-10} for the x100 ROC and Williams %R), {@code 1e-9 * max |obv|} for
 * OBV. Expected NaN (ta4j's division by zero) must be NaN here. In a flat 20-bar window (ta4j's
 * deviation below {@code 1e-12 * close}) %B is a ratio of ta4j's rounding noise; bb_position must be NaN
 * there.
 */
class CandleFeaturesVsTa4jTest {
    private static final double RELATIVE = 1e-9;

    private record Ref(String feature, double[] expected, double[] floor, boolean[] undefined) {
        Ref(String feature, double[] expected, double[] floor) {
            this(feature, expected, floor, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"btc-usd-1m", "eth-usd-5m", "aapl-1d"})
    void everyFeatureTa4jHasMatchesIt(String dataset) {
        BarSeries series = BundledData.bars(dataset);
        int size = series.size();
        CandleFeatures set = new CandleFeatures();
        assertTrue(size > set.warmUp() + 100, dataset + " is too short");
        double[][] rows = CandleTestSupport.incremental(set, series);
        org.ta4j.core.BarSeries ta = CandleTestSupport.toTa4j(series);
        ClosePriceIndicator close = new ClosePriceIndicator(ta);
        VolumeIndicator volume = new VolumeIndicator(ta);
        double[] c = new double[size];
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            c[i] = series.close(i);
            v[i] = series.volume(i);
        }
        double[] none = new double[size];
        double[] priceFloor = scaled(c, 1e-12);
        double[] unitFloor = constant(size, 1e-12);
        double[] percentFloor = constant(size, 1e-10);

        List<Ref> refs = new ArrayList<>();
        for (int w : new int[] {5, 10, 20, 50}) {
            double[] sma = values(new SMAIndicator(close, w), size);
            refs.add(new Ref("sma_" + w, sma, none));
            refs.add(new Ref("price_to_sma_" + w, divide(c, sma), none));
            double[] std = values(new StandardDeviationIndicator(close, w), size);
            refs.add(new Ref("std_" + w, std, priceFloor));
            refs.add(new Ref("std_" + w + "_pct", divide(std, c), unitFloor));
            refs.add(new Ref("roc_" + w, values(new ROCIndicator(close, w), size), percentFloor));
            double[] vsma = values(new SMAIndicator(volume, w), size);
            refs.add(new Ref("volume_sma_" + w, vsma, none));
            refs.add(new Ref("volume_ratio_" + w, divide(v, vsma), none));
        }
        refs.add(new Ref("ema_12", values(new EMAIndicator(close, 12), size), none));
        refs.add(new Ref("ema_26", values(new EMAIndicator(close, 26), size), none));
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        refs.add(new Ref("macd", values(macd, size), priceFloor));
        refs.add(new Ref("macd_signal", values(macd.getSignalLine(9), size), priceFloor));
        refs.add(new Ref("macd_hist", values(macd.getHistogram(9), size), priceFloor));
        refs.add(new Ref("rsi_14", values(new RSIIndicator(close, 14), size), none));

        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator dev = new StandardDeviationIndicator(close, 20);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(mid, dev);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(mid, dev);
        refs.add(new Ref("bb_upper", values(upper, size), none));
        refs.add(new Ref("bb_lower", values(lower, size), none));
        refs.add(new Ref("bb_mid", values(mid, size), none));
        // ta4j's band width is 100 * (u - l) / m; the candle feature is (u - l) / m
        refs.add(new Ref("bb_width", scaled(values(new BollingerBandWidthIndicator(upper, mid, lower), size), 0.01), unitFloor));
        // in a flat window ta4j's deviation is rounding noise (~1e-13 * price) and %B a ratio of noise;
        // the candle feature's deviation is exactly 0 there and its position NaN (0 / 0)
        double[] ta4jDev = values(dev, size);
        boolean[] flat = new boolean[size];
        for (int i = 0; i < size; i++) {
            flat[i] = ta4jDev[i] <= 1e-12 * c[i];
        }
        refs.add(new Ref("bb_position", values(new PercentBIndicator(close, 20, 2.0), size), unitFloor, flat));

        double[] atr = values(new ATRIndicator(ta, 14), size);
        refs.add(new Ref("atr_14", atr, none));
        refs.add(new Ref("atr_14_pct", divide(atr, c), none));
        refs.add(new Ref("williams_r_14", values(new WilliamsRIndicator(ta, 14), size), percentFloor));
        double[] obv = values(new OnBalanceVolumeIndicator(ta), size);
        refs.add(new Ref("obv", obv, constant(size, 1e-9 * maxAbs(obv))));
        double[] vwap = values(new VWAPIndicator(ta, 20), size);
        refs.add(new Ref("vwap_20", vwap, none));
        refs.add(new Ref("close_to_vwap_20", divide(c, vwap), none));

        HighPriceIndicator high = new HighPriceIndicator(ta);
        LowPriceIndicator low = new LowPriceIndicator(ta);
        double[] hh20 = values(new HighestValueIndicator(high, 20), size);
        double[] hh50 = values(new HighestValueIndicator(high, 50), size);
        double[] ll20 = values(new LowestValueIndicator(low, 20), size);
        double[] ll50 = values(new LowestValueIndicator(low, 50), size);
        double[] distHigh20 = new double[size];
        double[] distHigh50 = new double[size];
        double[] distLow20 = new double[size];
        double[] distLow50 = new double[size];
        double[] rangePosition = new double[size];
        for (int i = 0; i < size; i++) {
            distHigh20[i] = (hh20[i] - c[i]) / c[i];
            distHigh50[i] = (hh50[i] - c[i]) / c[i];
            distLow20[i] = (c[i] - ll20[i]) / c[i];
            distLow50[i] = (c[i] - ll50[i]) / c[i];
            rangePosition[i] = (c[i] - ll20[i]) / (hh20[i] - ll20[i]);
        }
        refs.add(new Ref("dist_high_20", distHigh20, unitFloor));
        refs.add(new Ref("dist_high_50", distHigh50, unitFloor));
        refs.add(new Ref("dist_low_20", distLow20, unitFloor));
        refs.add(new Ref("dist_low_50", distLow50, unitFloor));
        refs.add(new Ref("range_position_20", rangePosition, unitFloor));

        Map<String, String> worst = new LinkedHashMap<>();
        TreeSet<String> checked = new TreeSet<>();
        for (Ref ref : refs) {
            assertTrue(checked.add(ref.feature()), "checked twice: " + ref.feature());
            worst.put(ref.feature(), compare(dataset, rows, ref, set.warmUp()));
        }
        assertEquals(50, checked.size(), "features compared with ta4j");
        System.out.println("[candles vs ta4j] " + dataset + " worst relative errors: " + worst);
    }

    /** Compares one feature; returns its worst relative error (where the reference is not 0) as text. */
    private static String compare(String dataset, double[][] rows, Ref ref, int warmUp) {
        int j = CandleTestSupport.column(ref.feature());
        double worst = 0;
        int compared = 0;
        for (int i = 0; i < rows.length; i++) {
            double got = rows[i][j];
            double expected = ref.expected()[i];
            if (i + 1 < warmUp && Double.isNaN(got)) {
                continue; // its own window is not full yet
            }
            if (ref.undefined() != null && ref.undefined()[i] && Double.isNaN(got)) {
                compared++;
                continue;
            }
            if (Double.isNaN(expected) || Double.isNaN(got)) {
                if (!(Double.isNaN(expected) && Double.isNaN(got))) {
                    fail(ref.feature() + " on " + dataset + " at bar " + i + ": trellis " + got + ", ta4j " + expected);
                }
                compared++;
                continue;
            }
            double error = Math.abs(got - expected);
            if (!(error <= RELATIVE * Math.abs(expected) || error <= ref.floor()[i])) {
                fail(ref.feature() + " on " + dataset + " at bar " + i + ": trellis " + got + ", ta4j " + expected
                        + ", error " + error + " (relative " + error / Math.abs(expected) + ", floor " + ref.floor()[i] + ")");
            }
            if (expected != 0) {
                worst = Math.max(worst, error / Math.abs(expected));
            }
            compared++;
        }
        assertTrue(compared >= rows.length - warmUp + 1, ref.feature() + ": too few bars compared (" + compared + ")");
        return String.format("%.1e", worst);
    }

    private static double[] values(Indicator<Num> indicator, int size) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) { // in bar order, as a backtest evaluates it
            out[i] = indicator.getValue(i).doubleValue();
        }
        return out;
    }

    private static double[] divide(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
        return out;
    }

    private static double[] scaled(double[] a, double k) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * k;
        }
        return out;
    }

    private static double[] constant(int size, double value) {
        double[] out = new double[size];
        java.util.Arrays.fill(out, value);
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
