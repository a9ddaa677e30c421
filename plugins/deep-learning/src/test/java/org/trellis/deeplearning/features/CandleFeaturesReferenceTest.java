package org.trellis.deeplearning.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.api.market.BarSeries;
import org.trellis.api.market.Instrument;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;

/**
 * The candle features ta4j does not have, against slow implementations written here from their
 * definitions: returns, momentum, skew and kurtosis (pandas' rolling formulas from raw power sums),
 * the UTC calendar (java.time), NYSE holidays (a hand list of closures) and the regime filter (the
 * textbook forward recursion with Gaussian densities).
 *
 * <p>Tolerance: {@code |a - b| <= 1e-9 * |b|}, with an absolute floor only where the value is a
 * difference that can be ~0: {@code 1e-12} for returns, {@code 1e-12 * close} for momentum, {@code 1e-9}
 * for skew and kurtosis (order-1 numbers); regime probabilities to {@code 1e-12} absolute; calendar
 * values exactly.
 */
class CandleFeaturesReferenceTest {
    private static final double RELATIVE = 1e-9;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"btc-usd-1m", "eth-usd-5m", "aapl-1d"})
    void returnsMomentumMomentsAndRegimeMatchDirectFormulas(String dataset) {
        BarSeries s = BundledData.bars(dataset);
        int size = s.size();
        CandleFeatures set = new CandleFeatures();
        double[][] rows = CandleTestSupport.incremental(set, s);
        double[] c = new double[size];
        for (int i = 0; i < size; i++) {
            c[i] = s.close(i);
        }
        for (int w : new int[] {5, 10, 20, 50}) {
            check(dataset, rows, "return_" + w, w + 1, i -> (c[i] - c[i - w]) / c[i - w], i -> 1e-12);
        }
        check(dataset, rows, "log_return_1", 2, i -> Math.log(c[i]) - Math.log(c[i - 1]), i -> 1e-12);
        check(dataset, rows, "intraday_return", 1, i -> c[i] / s.open(i) - 1, i -> 1e-12);
        check(dataset, rows, "hl_range", 1, i -> s.high(i) / c[i] - s.low(i) / c[i], i -> 1e-12);
        check(dataset, rows, "momentum_10", 11, i -> c[i] - c[i - 10], i -> 1e-12 * c[i]);
        check(dataset, rows, "momentum_20", 21, i -> c[i] - c[i - 20], i -> 1e-12 * c[i]);
        check(dataset, rows, "skew_20", 21, i -> pandasMoment(c, i, true), i -> 1e-9);
        check(dataset, rows, "kurt_20", 21, i -> pandasMoment(c, i, false), i -> 1e-9);

        double[][] regime = slowRegime(c, 500, 0.95);
        int pLow = CandleTestSupport.column("regime_p_low");
        int pHigh = CandleTestSupport.column("regime_p_high");
        int flag = CandleTestSupport.column("regime");
        for (int i = 0; i < size; i++) {
            assertEquals(regime[i][0], rows[i][pLow], 1e-12, dataset + " regime_p_low at bar " + i);
            assertEquals(regime[i][1], rows[i][pHigh], 1e-12, dataset + " regime_p_high at bar " + i);
            assertEquals(1.0, rows[i][pLow] + rows[i][pHigh], 1e-12, dataset + " probabilities sum at bar " + i);
            assertEquals(rows[i][pHigh] > 0.5 ? 1.0 : 0.0, rows[i][flag], dataset + " regime at bar " + i);
        }
    }

    /**
     * pandas' rolling skew / kurt (window 20) of the one-bar returns ending at bar i, from raw power
     * sums as in pandas' {@code calc_skew} / {@code calc_kurt}; NaN when the returns are all equal.
     */
    private static double pandasMoment(double[] c, int i, boolean skew) {
        int n = 20;
        double x = 0;
        double xx = 0;
        double xxx = 0;
        double xxxx = 0;
        Set<Double> distinct = new HashSet<>();
        for (int j = i - n + 1; j <= i; j++) {
            double r = (c[j] - c[j - 1]) / c[j - 1];
            distinct.add(r);
            x += r;
            xx += r * r;
            xxx += r * r * r;
            xxxx += r * r * r * r;
        }
        if (distinct.size() == 1) {
            return Double.NaN;
        }
        double a = x / n;
        double r = a * a;
        double b = xx / n - r;
        r = r * a;
        double cc = xxx / n - r - 3 * a * b;
        if (skew) {
            double rb = Math.sqrt(b);
            return Math.sqrt(n * (n - 1.0)) * cc / ((n - 2) * rb * rb * rb);
        }
        r = r * a;
        double d = xxxx / n - r - 6 * b * a * a - 4 * cc * a;
        double k = (n * n - 1.0) * d / (b * b) - 3 * Math.pow(n - 1.0, 2);
        return k / ((n - 2.0) * (n - 3.0));
    }

    /** The regime filter as specified, with explicit matrices and Gaussian densities. */
    static double[][] slowRegime(double[] c, int span, double stay) {
        double[][] transition = {{stay, 1 - stay}, {1 - stay, stay}};
        double alpha = 2.0 / (span + 1);
        double[][] out = new double[c.length][];
        double[] p = {0.5, 0.5};
        Double v = null;
        out[0] = p.clone();
        for (int t = 1; t < c.length; t++) {
            double r = Math.log(c[t] / c[t - 1]);
            if (v != null && v > 0) {
                double[] sigma2 = {0.5 * v, 2 * v};
                double[] next = new double[2];
                double z = 0;
                for (int k = 0; k < 2; k++) {
                    double prior = 0;
                    for (int j = 0; j < 2; j++) {
                        prior += transition[j][k] * p[j];
                    }
                    double density = Math.exp(-r * r / (2 * sigma2[k])) / Math.sqrt(2 * Math.PI * sigma2[k]);
                    next[k] = prior * density;
                    z += next[k];
                }
                p = new double[] {next[0] / z, next[1] / z};
            }
            v = v == null ? r * r : v + alpha * (r * r - v);
            out[t] = p.clone();
        }
        return out;
    }

    private static void check(String dataset, double[][] rows, String feature, int firstBars, IntToDoubleFunction expected,
                              IntToDoubleFunction floor) {
        int j = CandleTestSupport.column(feature);
        int compared = 0;
        int finite = 0;
        for (int i = 0; i < rows.length; i++) {
            double got = rows[i][j];
            if (i + 1 < firstBars) {
                assertTrue(Double.isNaN(got), feature + " on " + dataset + " must be NaN at bar " + i + ", got " + got);
                continue;
            }
            double want = expected.applyAsDouble(i);
            if (Double.isNaN(want) || Double.isNaN(got)) {
                assertEquals(Double.isNaN(want), Double.isNaN(got), feature + " on " + dataset + " at bar " + i + ": got "
                        + got + ", expected " + want);
                compared++;
                continue;
            }
            double error = Math.abs(got - want);
            if (!(error <= RELATIVE * Math.abs(want) || error <= floor.applyAsDouble(i))) {
                fail(feature + " on " + dataset + " at bar " + i + ": got " + got + ", expected " + want + " (error " + error + ")");
            }
            compared++;
            finite++;
        }
        assertEquals(rows.length - firstBars + 1, compared, feature);
        assertTrue(finite > compared * 0.9, feature + " on " + dataset + ": only " + finite + " of " + compared + " values are numbers");
    }

    @Test
    void calendarMatchesJavaTimeInUtc() {
        SplittableRandom rnd = new SplittableRandom(2024);
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("CAL"), "random times");
        long t = ZonedDateTime.of(1899, 12, 25, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = ZonedDateTime.of(2101, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
        while (t < end) {
            b.add(t, 100, 101, 99, 100, 1);
            t += rnd.nextDouble() < 0.5 ? 1 + rnd.nextLong(7_200_000L) : 1 + rnd.nextLong(40L * 86_400_000L);
        }
        ColumnarBarSeries s = b.build();
        assertTrue(s.size() > 3000);
        double[][] rows = CandleTestSupport.incremental(new CandleFeatures(), s);
        for (int i = 0; i < s.size(); i++) {
            ZonedDateTime z = Instant.ofEpochMilli(s.time(i)).atZone(ZoneOffset.UTC);
            int hour = z.getHour();
            double[] want = {hour, z.getDayOfWeek().getValue() - 1, z.getDayOfMonth(), z.getMonthValue(),
                (z.getMonthValue() + 2) / 3, z.getDayOfWeek() == DayOfWeek.SATURDAY || z.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : 0,
                hour < 8 ? 1 : 0, 8 <= hour && hour < 12 ? 1 : 0, 12 <= hour && hour < 21 ? 1 : 0, hour >= 21 ? 1 : 0};
            String[] names = {"hour", "day_of_week", "day_of_month", "month", "quarter", "weekend", "session_asia",
                "session_london", "session_new_york", "session_off_hours"};
            for (int k = 0; k < names.length; k++) {
                assertEquals(want[k], rows[i][CandleTestSupport.column(names[k])], names[k] + " at " + z);
            }
        }
    }

    /** NYSE full-day closures, typed in from the exchange's published calendars. */
    private static final List<String> NYSE_CLOSURES = List.of(
            // 2013
            "2013-01-01", "2013-01-21", "2013-02-18", "2013-03-29", "2013-05-27", "2013-07-04", "2013-09-02",
            "2013-11-28", "2013-12-25",
            // 2021 (Christmas on a Saturday: closed Friday 24th; New Year 2022 on a Saturday: open Friday 31st)
            "2021-01-01", "2021-01-18", "2021-02-15", "2021-04-02", "2021-05-31", "2021-07-05", "2021-09-06",
            "2021-11-25", "2021-12-24",
            // 2022 (first Juneteenth, on a Sunday: observed Monday 20th)
            "2022-01-17", "2022-02-21", "2022-04-15", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05",
            "2022-11-24", "2022-12-26",
            // 2023
            "2023-01-02", "2023-01-16", "2023-02-20", "2023-04-07", "2023-05-29", "2023-06-19", "2023-07-04",
            "2023-09-04", "2023-11-23", "2023-12-25",
            // 2024
            "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04",
            "2024-09-02", "2024-11-28", "2024-12-25",
            // 2026 (Independence Day on a Saturday: observed Friday 3rd)
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03",
            "2026-09-07", "2026-11-26", "2026-12-25",
            // 2027 (Juneteenth and Christmas on Saturdays, Independence Day on a Sunday)
            "2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05",
            "2027-09-06", "2027-11-25", "2027-12-24");

    @Test
    void holidayFlagsExactlyTheNyseClosures() {
        Set<LocalDate> closures = new HashSet<>();
        NYSE_CLOSURES.forEach(d -> closures.add(LocalDate.parse(d)));
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("CAL"), "hourly bars");
        int[] years = {2013, 2021, 2022, 2023, 2024, 2026, 2027};
        for (int year : years) {
            long from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            for (long t = from; t < to; t += 3_600_000L) {
                b.add(t, 100, 101, 99, 100, 1);
            }
        }
        ColumnarBarSeries s = b.build();
        double[] flags = CandleTestSupport.column(CandleTestSupport.incremental(new CandleFeatures(), s), "holiday");
        Set<LocalDate> flagged = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            LocalDate date = Instant.ofEpochMilli(s.time(i)).atZone(ZoneOffset.UTC).toLocalDate();
            assertEquals(closures.contains(date) ? 1.0 : 0.0, flags[i], "holiday at " + Instant.ofEpochMilli(s.time(i)));
            if (flags[i] == 1) {
                flagged.add(date);
            }
        }
        assertEquals(closures, flagged);
        assertTrue(!flagged.contains(LocalDate.of(2021, 12, 31)), "NYSE was open on 2021-12-31");
    }

    @Test
    void thanksgivingIsFlaggedInTheBundledBitcoinMinutes() {
        BarSeries s = BundledData.bars("btc-usd-1m");
        double[] flags = CandleTestSupport.column(CandleTestSupport.incremental(new CandleFeatures(), s), "holiday");
        int flagged = 0;
        for (int i = 0; i < s.size(); i++) {
            boolean thanksgiving = Instant.ofEpochMilli(s.time(i)).atZone(ZoneOffset.UTC).toLocalDate()
                    .equals(LocalDate.of(2013, 11, 28));
            assertEquals(thanksgiving ? 1.0 : 0.0, flags[i], "bar " + i);
            flagged += thanksgiving ? 1 : 0;
        }
        assertTrue(flagged > 100, "the data cover Thanksgiving 2013");
    }
}
