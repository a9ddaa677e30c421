package org.trellis.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.Instrument;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.ClosedTrade.Direction;
import org.trellis.runtime.engine.EquityCurve;

/**
 * Metrics on tiny hand-made curves and trade lists. Every expected number is worked out by hand in
 * the comments; none comes from the code under test.
 */
class PerformanceCalculatorTest {
    private static final double EPS = 1e-12;
    /** A Julian year, the year the calculator annualises with: 365.25 days. */
    private static final long YEAR = 31_557_600_000L;
    private static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z
    private static final Instrument X = Instrument.spot("X/USD");

    private static EquityCurve curve(long[] t, double[] e, boolean[] in) {
        return EquityCurve.of(t, e, in);
    }

    private static ClosedTrade trade(double entryPrice, double quantity, double pnl) {
        return new ClosedTrade(X, Direction.LONG, T0, entryPrice, T0 + 1, entryPrice + pnl / quantity, quantity, pnl, 0,
                "in", "out");
    }

    /**
     * Five quarterly points over exactly one year, capital 100:
     * equity 100, 110, 99, 118.8, 118.8.
     */
    @Test
    void oneYearOfQuarters() {
        long q = YEAR / 4; // 7,889,400,000 ms, exact
        EquityCurve c = curve(new long[] {T0, T0 + q, T0 + 2 * q, T0 + 3 * q, T0 + 4 * q},
                new double[] {100, 110, 99, 118.8, 118.8},
                new boolean[] {false, true, true, false, true});
        List<ClosedTrade> trades = List.of(
                trade(50, 2, 30),    // notional 100, return +0.30, win
                trade(100, 1, -10),  // notional 100, return -0.10, loss
                trade(25, 4, 5),     // notional 100, return +0.05, win
                trade(10, 10, 0),    // notional 100, return 0, neither win nor loss
                trade(40, 5, -15));  // notional 200, return -0.075, loss
        Performance p = PerformanceCalculator.compute(100, c, trades, 7.5);

        assertEquals(100, p.initialCapital());
        assertEquals(118.8, p.finalEquity());
        // total return = 118.8 / 100 - 1 = 0.188
        assertEquals(0.188, p.totalReturn(), EPS);
        // span = 4 quarters = 1 year: CAGR = 1.188^(1/1) - 1 = 0.188
        assertEquals(0.188, p.cagr(), EPS);
        // 4 steps in 1 year
        assertEquals(4.0, p.stepsPerYear(), EPS);
        // step returns: 110/100-1 = 0.1, 99/110-1 = -0.1, 118.8/99-1 = 0.2, 118.8/118.8-1 = 0
        // mean = (0.1 - 0.1 + 0.2 + 0) / 4 = 0.05
        // deviations 0.05, -0.15, 0.15, -0.05; squares 0.0025 + 0.0225 + 0.0225 + 0.0025 = 0.05
        // sample variance = 0.05 / 3; sd = sqrt(0.05 / 3) = 0.12909944...
        // Sharpe = 0.05 / sd * sqrt(4) = 2 * sqrt(0.15) = sqrt(0.6) = 0.77459667...
        assertEquals(0.7745966692414834, p.sharpe(), 1e-12);
        // downside deviation = sqrt((-0.1)^2 / 4) = sqrt(0.0025) = 0.05
        // Sortino = 0.05 / 0.05 * sqrt(4) = 2
        assertEquals(2.0, p.sortino(), 1e-12);
        // drawdown: peak 110 (point 1), trough 99 (point 2): 11 / 110 = 0.1; recovered at 118.8 (point 3)
        Drawdown dd = p.maxDrawdown();
        assertEquals(0.1, dd.depth(), EPS);
        assertEquals(T0 + q, dd.peakTime());
        assertEquals(T0 + 2 * q, dd.troughTime());
        assertEquals(T0 + 3 * q, dd.recoveryTime());
        assertEquals("2024-02-14T05:43:20Z", dd.peak()); // T0 + 91.3125 days
        // Calmar = CAGR / max drawdown = 0.188 / 0.1 = 1.88
        assertEquals(1.88, p.calmar(), 1e-12);
        // trades: 5; wins 30 and 5; losses -10 and -15; the 0 is neither
        assertEquals(5, p.trades());
        assertEquals(2, p.wins());
        assertEquals(2, p.losses());
        // win rate = 2 / 5
        assertEquals(0.4, p.winRate(), EPS);
        // profit factor = (30 + 5) / (10 + 15) = 1.4
        assertEquals(1.4, p.profitFactor(), EPS);
        // expectancy = (30 - 10 + 5 + 0 - 15) / 5 = 2
        assertEquals(2.0, p.expectancy(), EPS);
        // expectancy in return = (0.30 - 0.10 + 0.05 + 0 - 0.075) / 5 = 0.175 / 5 = 0.035
        assertEquals(0.035, p.expectancyReturn(), EPS);
        // exposure: invested at 3 of 5 points
        assertEquals(0.6, p.exposure(), EPS);
        assertEquals(7.5, p.feesPaid());
    }

    /**
     * Two years, half-yearly, capital 1000: 1000, 900, 950, 800, 850 — a loss that never recovers.
     */
    @Test
    void twoLosingYearsNeverRecovered() {
        long h = YEAR / 2;
        EquityCurve c = curve(new long[] {T0, T0 + h, T0 + 2 * h, T0 + 3 * h, T0 + 4 * h},
                new double[] {1000, 900, 950, 800, 850},
                new boolean[] {true, true, true, true, true});
        Performance p = PerformanceCalculator.compute(1000, c, List.of(), 0);

        // total return = 850 / 1000 - 1 = -0.15
        assertEquals(-0.15, p.totalReturn(), EPS);
        // 2 years: CAGR = 0.85^(1/2) - 1 = 0.92195445 - 1 = -0.07804555
        double cagr = Math.sqrt(0.85) - 1;
        assertEquals(cagr, p.cagr(), EPS);
        // 4 steps over 2 years = 2 per year
        assertEquals(2.0, p.stepsPerYear(), EPS);
        // returns: 900/1000-1 = -1/10, 950/900-1 = 1/18, 800/950-1 = -3/19, 850/800-1 = 1/16
        double r1 = -1.0 / 10;
        double r2 = 1.0 / 18;
        double r3 = -3.0 / 19;
        double r4 = 1.0 / 16;
        double mean = (r1 + r2 + r3 + r4) / 4; // = -0.035087719...
        double var = (sq(r1 - mean) + sq(r2 - mean) + sq(r3 - mean) + sq(r4 - mean)) / 3;
        assertEquals(mean / Math.sqrt(var) * Math.sqrt(2), p.sharpe(), 1e-12);
        // downside: sqrt((r1^2 + r3^2) / 4)
        double downside = Math.sqrt((sq(r1) + sq(r3)) / 4);
        assertEquals(mean / downside * Math.sqrt(2), p.sortino(), 1e-12);
        // the peak is the start (1000), the trough 800: depth 0.2, never regained
        Drawdown dd = p.maxDrawdown();
        assertEquals(0.2, dd.depth(), EPS);
        assertEquals(T0, dd.peakTime());
        assertEquals(T0 + 3 * h, dd.troughTime());
        assertNull(dd.recoveryTime());
        assertNull(dd.recovery());
        // Calmar = CAGR / 0.2
        assertEquals(cagr / 0.2, p.calmar(), 1e-12);
        // no trades: ratios are undefined
        assertEquals(0, p.trades());
        assertTrue(Double.isNaN(p.winRate()));
        assertTrue(Double.isNaN(p.profitFactor()));
        assertTrue(Double.isNaN(p.expectancy()));
        assertEquals(1.0, p.exposure(), EPS);
    }

    /**
     * The deepest fall need not start at the highest peak seen so far: 100, 120, 108, 130, 91, 140.
     * Falls: 120 -> 108 is 12/120 = 0.10; 130 -> 91 is 39/130 = 0.30, recovered at 140.
     */
    @Test
    void deepestDrawdownIsPickedWithItsOwnPeak() {
        long d = 86_400_000L;
        EquityCurve c = curve(new long[] {T0, T0 + d, T0 + 2 * d, T0 + 3 * d, T0 + 4 * d, T0 + 5 * d},
                new double[] {100, 120, 108, 130, 91, 140}, new boolean[6]);
        Drawdown dd = PerformanceCalculator.compute(100, c, List.of(), 0).maxDrawdown();
        assertEquals(0.3, dd.depth(), EPS);
        assertEquals(T0 + 3 * d, dd.peakTime());
        assertEquals(T0 + 4 * d, dd.troughTime());
        assertEquals(T0 + 5 * d, dd.recoveryTime());
    }

    /** A flat curve: no variance, no drawdown, so Sharpe, Sortino and Calmar are undefined; all-winning trades: no profit factor. */
    @Test
    void flatCurveAndOnlyWinners() {
        long d = 86_400_000L;
        EquityCurve c = curve(new long[] {T0, T0 + d, T0 + 2 * d}, new double[] {500, 500, 500}, new boolean[3]);
        Performance p = PerformanceCalculator.compute(500, c, List.of(trade(10, 1, 2), trade(10, 3, 6)), 0);
        assertEquals(0, p.totalReturn(), 0);
        // CAGR over 2 days of zero growth = 0
        assertEquals(0, p.cagr(), EPS);
        assertTrue(Double.isNaN(p.sharpe()), "sd = 0");
        assertTrue(Double.isNaN(p.sortino()), "no negative step");
        assertEquals(0, p.maxDrawdown().depth(), 0);
        assertTrue(Double.isNaN(p.calmar()), "no drawdown");
        // wins 2 of 2; gross loss 0 -> profit factor undefined
        assertEquals(1.0, p.winRate(), EPS);
        assertTrue(Double.isNaN(p.profitFactor()));
        // expectancy (2 + 6) / 2 = 4; returns 2/10 = 0.2 and 6/30 = 0.2 -> 0.2
        assertEquals(4.0, p.expectancy(), EPS);
        assertEquals(0.2, p.expectancyReturn(), EPS);
        assertEquals(0, p.exposure(), 0);
    }

    /** A single point has no span: no CAGR, no annualisation. */
    @Test
    void singlePoint() {
        Performance p = PerformanceCalculator.compute(100, curve(new long[] {T0}, new double[] {105}, new boolean[] {true}),
                List.of(), 0);
        // total return = 105 / 100 - 1 = 0.05
        assertEquals(0.05, p.totalReturn(), EPS);
        assertTrue(Double.isNaN(p.cagr()));
        assertTrue(Double.isNaN(p.stepsPerYear()));
        assertTrue(Double.isNaN(p.sharpe()));
        assertEquals(1.0, p.exposure(), 0);
    }

    @Test
    void factoryRejectsBadCurves() {
        assertThrows(IllegalArgumentException.class,
                () -> EquityCurve.of(new long[] {1, 2}, new double[] {1}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class,
                () -> EquityCurve.of(new long[] {2, 2}, new double[] {1, 1}, new boolean[] {true, true}));
    }

    /** Per-instrument split: trade count, wins, summed PnL and fees, in the order the run lists instruments. */
    @Test
    void byInstrument() {
        Instrument y = Instrument.spot("Y/USD");
        List<ClosedTrade> trades = List.of(
                new ClosedTrade(y, Direction.SHORT, T0, 10, T0 + 1, 9, 2, 1.5, 0.5, "in", "out"),
                new ClosedTrade(X, Direction.LONG, T0, 10, T0 + 1, 9, 1, -1.25, 0.25, "in", "out"),
                new ClosedTrade(y, Direction.LONG, T0, 10, T0 + 1, 9, 1, -1.0, 0.5, "in", "out"));
        List<InstrumentPnl> split = PerformanceCalculator.byInstrument(List.of("X/USD", "Y/USD", "Z/USD"), trades);
        assertEquals(List.of(new InstrumentPnl("X/USD", 1, 0, -1.25, 0.25),
                // Y: 2 trades, 1 win, 1.5 - 1.0 = 0.5 PnL, fees 0.5 + 0.5 = 1.0
                new InstrumentPnl("Y/USD", 2, 1, 0.5, 1.0),
                new InstrumentPnl("Z/USD", 0, 0, 0, 0)), split);
    }

    private static double sq(double x) {
        return x * x;
    }
}
