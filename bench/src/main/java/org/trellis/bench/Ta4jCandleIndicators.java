package org.trellis.bench;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
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

/**
 * The 50 candle features ta4j 0.17 can compute, built from the same ta4j indicators
 * {@code CandleFeaturesVsTa4jTest} checks the candle features against: sma/price_to_sma, std/std_pct,
 * roc, volume_sma/volume_ratio for 5, 10, 20, 50 bars; ema_12, ema_26, macd, its signal and histogram,
 * rsi_14; Bollinger upper, lower, mid, width, %B; atr_14 and atr_14_pct, williams_r_14, obv, vwap_20 and
 * close_to_vwap_20; dist_high/dist_low over 20 and 50 bars and range_position_20 (from
 * Highest/LowestValueIndicator). The 25 others (returns, skew/kurtosis, calendar, regime) have no ta4j
 * indicator and are not computed here.
 *
 * <p>One substitution: williams_r_14 is computed from ta4j's {@code HighestValueIndicator} and
 * {@code LowestValueIndicator} over 14 bars with {@code WilliamsRIndicator}'s formula ((hh - c) / (hh - ll)
 * * -100, in DoubleNum there, in double here), not with {@code WilliamsRIndicator} itself: in ta4j 0.17
 * its {@code calculate(index)} creates new highest/lowest indicators at every bar, and a fresh cached
 * indicator first fills its cache with {@code index + 1} empty slots, so the cost per bar grows with the
 * bar's index (measured here: ~25 us per bar at 50,000 bars, about 500 us per bar, i.e. minutes per
 * operation, at 1M). Including it would make the comparison about that one defect.
 */
public final class Ta4jCandleIndicators {
    /** Features computed per bar. */
    public static final int FEATURES = 50;
    private static final int[] WINDOWS = {5, 10, 20, 50};

    private Ta4jCandleIndicators() {
    }

    /**
     * Builds fresh indicators over {@code series} and computes the 50 features at every bar, in bar
     * order (as a backtest evaluates them), into one reused row; returns a checksum so nothing is dead.
     */
    public static double readAll(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        VolumeIndicator volume = new VolumeIndicator(series);
        Indicator<Num>[] sma = indicators(4);
        Indicator<Num>[] std = indicators(4);
        Indicator<Num>[] roc = indicators(4);
        Indicator<Num>[] vsma = indicators(4);
        for (int j = 0; j < 4; j++) {
            sma[j] = new SMAIndicator(close, WINDOWS[j]);
            std[j] = new StandardDeviationIndicator(close, WINDOWS[j]);
            roc[j] = new ROCIndicator(close, WINDOWS[j]);
            vsma[j] = new SMAIndicator(volume, WINDOWS[j]);
        }
        EMAIndicator ema12 = new EMAIndicator(close, 12);
        EMAIndicator ema26 = new EMAIndicator(close, 26);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        Indicator<Num> signal = macd.getSignalLine(9);
        Indicator<Num> histogram = macd.getHistogram(9);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator dev = new StandardDeviationIndicator(close, 20);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(mid, dev);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(mid, dev);
        BollingerBandWidthIndicator width = new BollingerBandWidthIndicator(upper, mid, lower);
        PercentBIndicator percentB = new PercentBIndicator(close, 20, 2.0);
        ATRIndicator atr = new ATRIndicator(series, 14);
        // williams_r_14 from ta4j's own 14-bar highest high and lowest low, with WilliamsRIndicator's formula
        // (ta4j 0.17's WilliamsRIndicator builds new Highest/LowestValueIndicators at every bar, whose
        // fresh caches are grown to the bar's index: O(index) per bar, hours over 1M bars; see the class comment)
        HighestValueIndicator hh14 = new HighestValueIndicator(new HighPriceIndicator(series), 14);
        LowestValueIndicator ll14 = new LowestValueIndicator(new LowPriceIndicator(series), 14);
        OnBalanceVolumeIndicator obv = new OnBalanceVolumeIndicator(series);
        VWAPIndicator vwap = new VWAPIndicator(series, 20);
        HighPriceIndicator high = new HighPriceIndicator(series);
        LowPriceIndicator low = new LowPriceIndicator(series);
        HighestValueIndicator hh20 = new HighestValueIndicator(high, 20);
        HighestValueIndicator hh50 = new HighestValueIndicator(high, 50);
        LowestValueIndicator ll20 = new LowestValueIndicator(low, 20);
        LowestValueIndicator ll50 = new LowestValueIndicator(low, 50);

        double[] row = new double[FEATURES];
        double checksum = 0;
        int end = series.getEndIndex();
        for (int i = series.getBeginIndex(); i <= end; i++) {
            double c = close.getValue(i).doubleValue();
            double v = volume.getValue(i).doubleValue();
            int f = 0;
            for (int j = 0; j < 4; j++) {
                double s = sma[j].getValue(i).doubleValue();
                double d = std[j].getValue(i).doubleValue();
                double vs = vsma[j].getValue(i).doubleValue();
                row[f++] = s;
                row[f++] = c / s;
                row[f++] = d;
                row[f++] = d / c;
                row[f++] = roc[j].getValue(i).doubleValue();
                row[f++] = vs;
                row[f++] = v / vs;
            }
            row[f++] = ema12.getValue(i).doubleValue();
            row[f++] = ema26.getValue(i).doubleValue();
            row[f++] = macd.getValue(i).doubleValue();
            row[f++] = signal.getValue(i).doubleValue();
            row[f++] = histogram.getValue(i).doubleValue();
            row[f++] = rsi.getValue(i).doubleValue();
            row[f++] = upper.getValue(i).doubleValue();
            row[f++] = lower.getValue(i).doubleValue();
            row[f++] = mid.getValue(i).doubleValue();
            row[f++] = width.getValue(i).doubleValue() * 0.01;
            row[f++] = percentB.getValue(i).doubleValue();
            double a = atr.getValue(i).doubleValue();
            row[f++] = a;
            row[f++] = a / c;
            double h14 = hh14.getValue(i).doubleValue();
            row[f++] = (h14 - c) / (h14 - ll14.getValue(i).doubleValue()) * -100;
            row[f++] = obv.getValue(i).doubleValue();
            double vw = vwap.getValue(i).doubleValue();
            row[f++] = vw;
            row[f++] = c / vw;
            double h20 = hh20.getValue(i).doubleValue();
            double l20 = ll20.getValue(i).doubleValue();
            row[f++] = (h20 - c) / c;
            row[f++] = (hh50.getValue(i).doubleValue() - c) / c;
            row[f++] = (c - l20) / c;
            row[f++] = (c - ll50.getValue(i).doubleValue()) / c;
            row[f++] = (c - l20) / (h20 - l20);
            checksum += row[i % FEATURES];
        }
        return checksum;
    }

    @SuppressWarnings("unchecked")
    private static Indicator<Num>[] indicators(int n) {
        return (Indicator<Num>[]) new Indicator[n];
    }
}
