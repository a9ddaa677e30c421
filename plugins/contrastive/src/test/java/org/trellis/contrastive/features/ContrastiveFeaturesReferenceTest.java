package org.trellis.contrastive.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.trellis.api.market.BarSeries;
import org.trellis.contrastive.ContrastiveTestSupport;
import org.trellis.runtime.data.BundledData;

/**
 * Raw values against independent references: ta4j 0.17 (DoubleNum) for RSI, MACD, ATR and Bollinger
 * (1e-9 relative), direct formulas written here for the rest; normalised values against a z-score
 * computed here from the raw columns.
 */
class ContrastiveFeaturesReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"btc-usd-1m", "btc-usd-1h", "eth-usd-5m", "aapl-1d"})
    void rawValuesMatchTa4jAndDirectFormulas(String dataset) {
        BarSeries s = BundledData.bars(dataset);
        int n = s.size();
        double[][] rows = ContrastiveTestSupport.incremental(new ContrastiveFeatures(false, 100), s);
        org.ta4j.core.BarSeries t = ContrastiveTestSupport.toTa4j(s);
        ClosePriceIndicator close = new ClosePriceIndicator(t);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        ATRIndicator atr = new ATRIndicator(t, 14);
        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        Num two = DoubleNum.valueOf(2);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(mid, sd, two);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(mid, sd, two);
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            closes[i] = s.close(i);
        }
        double[] ffd = FractionalDifferencing.apply(closes, FractionalDifferencing.weights(0.4));
        for (int row = 0; row < n; row++) {
            final int i = row;
            double[] r = rows[i];
            int bars = i + 1;
            // each feature from its own first defined bar (the incremental form shows them before the
            // set's warm-up), NaN before
            double c = s.close(i);
            check(bars >= 2, () -> Math.log(c / s.close(i - 1)), r[0], "log_return_1", 1e-12, i);
            check(bars >= 15, () -> ref(rsi, i), r[1], "rsi_14", 1e-9, i);
            check(bars >= 26, () -> ref(macd, i), r[2], "macd_12_26", 1e-9, i);
            check(bars >= 15, () -> ref(atr, i), r[3], "atr_14", 1e-9, i);
            check(bars >= 20, () -> ref(upper, i), r[5], "bb_high_20_2", 1e-9, i);
            check(bars >= 20, () -> ref(lower, i), r[6], "bb_low_20_2", 1e-9, i);
            check(bars >= 20, () -> (ref(upper, i) - ref(lower, i)) / c, r[7], "bb_width_20_2", 1e-9, i);
            check(bars >= 20, () -> (c - ref(mid, i)) / c, r[8], "bb_mid_distance_20", 1e-9, i);
            if (bars < 25) {
                assertTrue(Double.isNaN(r[4]), "log_return_std_24 is NaN before 25 bars");
                continue;
            }
            // 24-bar sample standard deviation of log returns, naive formula
            double sum = 0;
            double sumSq = 0;
            for (int j = i - 23; j <= i; j++) {
                double lr = Math.log(s.close(j) / s.close(j - 1));
                sum += lr;
                sumSq += lr * lr;
            }
            near(Math.sqrt((sumSq - sum * sum / 24) / 23), r[4], "log_return_std_24", 1e-7, i);
            assertEquals(ffd[i], r[9], "ffd_close_d04 equals FractionalDifferencing.apply at " + i);
            ZonedDateTime z = Instant.ofEpochMilli(s.time(i)).atZone(ZoneOffset.UTC);
            int dow = z.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            near(Math.sin(2 * Math.PI * z.getHour() / 24.0), r[10], "hour_sin", 1e-12, i);
            near(Math.cos(2 * Math.PI * z.getHour() / 24.0), r[11], "hour_cos", 1e-12, i);
            near(Math.sin(2 * Math.PI * dow / 7.0), r[12], "day_of_week_sin", 1e-12, i);
            near(Math.cos(2 * Math.PI * dow / 7.0), r[13], "day_of_week_cos", 1e-12, i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"btc-usd-1m", "eth-usd-5m"}) // the others are shorter than the warm-up
    void normalisedValuesAreRollingZScoresOfTheRawOnes(String dataset) {
        BarSeries s = BundledData.bars(dataset);
        ContrastiveFeatures normalised = new ContrastiveFeatures();
        double[][] raw = ContrastiveTestSupport.incremental(new ContrastiveFeatures(false, 100), s);
        double[][] z = ContrastiveTestSupport.incremental(normalised, s);
        int warm = normalised.warmUp();
        assertTrue(s.size() > warm + 100, dataset + " is longer than the warm-up");
        for (int f = 0; f < ContrastiveFeatures.COUNT; f++) {
            int firstDefined = -1;
            for (int i = 0; i < s.size(); i++) {
                if (!Double.isNaN(raw[i][f]) && firstDefined < 0) {
                    firstDefined = i;
                }
                if (firstDefined < 0 || i - firstDefined + 1 < 100) {
                    assertTrue(Double.isNaN(z[i][f]), "z is NaN before 100 raw values: feature " + f + " bar " + i);
                    continue;
                }
                double mean = 0;
                for (int j = i - 99; j <= i; j++) {
                    mean += raw[j][f] / 100;
                }
                double ss = 0;
                for (int j = i - 99; j <= i; j++) {
                    ss += (raw[j][f] - mean) * (raw[j][f] - mean);
                }
                double sd = Math.sqrt(ss / 99);
                double maxAbs = 0;
                for (int j = i - 99; j <= i; j++) {
                    maxAbs = Math.max(maxAbs, Math.abs(raw[j][f]));
                }
                // constant up to rounding (the spec'd tolerance, 1e-9 of the largest value) -> 0
                double expected = sd <= 1e-9 * maxAbs ? 0 : (raw[i][f] - mean) / sd;
                assertEquals(expected, z[i][f], 1e-6 * Math.max(1, Math.abs(expected)),
                        ContrastiveFeatures.RAW_NAMES.get(f) + " z at bar " + i);
            }
            assertTrue(firstDefined + 100 <= warm, "warm-up covers " + ContrastiveFeatures.RAW_NAMES.get(f));
        }
        for (int i = warm - 1; i < s.size(); i++) {
            for (int f = 0; f < ContrastiveFeatures.COUNT; f++) {
                assertFalse(Double.isNaN(z[i][f]), "defined from the warm-up on: feature " + f + " bar " + i);
            }
        }
        assertTrue(Double.isNaN(z[warm - 2][9]), "the warm-up is tight: ffd_close_d04_z100 is NaN one bar before");
        // normalize-time = false: the same market z-scores, raw time columns
        double[][] mixed = ContrastiveTestSupport.incremental(new ContrastiveFeatures(true, 100, false), s);
        for (int i = 0; i < s.size(); i++) {
            assertArrayEquals(Arrays.copyOfRange(z[i], 0, 10), Arrays.copyOfRange(mixed[i], 0, 10));
            assertArrayEquals(Arrays.copyOfRange(raw[i], 10, 14), Arrays.copyOfRange(mixed[i], 10, 14));
        }
    }

    private static void check(boolean defined, java.util.function.DoubleSupplier expected, double actual, String name,
            double rel, int bar) {
        if (defined) {
            near(expected.getAsDouble(), actual, name, rel, bar);
        } else {
            assertTrue(Double.isNaN(actual), name + " is NaN before its window is full, at bar " + bar);
        }
    }

    private static double ref(Indicator<Num> ind, int i) {
        return ind.getValue(i).doubleValue();
    }

    private static void near(double expected, double actual, String name, int bar) {
        near(expected, actual, name, 1e-9, bar);
    }

    private static void near(double expected, double actual, String name, double rel, int bar) {
        assertEquals(expected, actual, rel * Math.abs(expected) + 1e-12, name + " at bar " + bar);
    }
}
