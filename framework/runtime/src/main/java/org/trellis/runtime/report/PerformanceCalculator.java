package org.trellis.runtime.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EquityCurve;

/** Computes {@link Performance} from an equity curve and closed trades; see the field docs for definitions. */
public final class PerformanceCalculator {
    static final double YEAR_MILLIS = 365.25 * 86_400_000.0;

    private PerformanceCalculator() {
    }

    public static Performance compute(double initialCapital, EquityCurve curve, List<ClosedTrade> trades, double feesPaid) {
        int n = curve.size();
        double finalEquity = n == 0 ? initialCapital : curve.last();
        double totalReturn = finalEquity / initialCapital - 1;
        double years = n < 2 ? 0 : (curve.time(n - 1) - curve.time(0)) / YEAR_MILLIS;
        double cagr = years > 0 && finalEquity > 0 ? Math.pow(finalEquity / initialCapital, 1 / years) - 1 : Double.NaN;
        double stepsPerYear = years > 0 ? (n - 1) / years : Double.NaN;

        double sum = 0;
        double downsideSquares = 0;
        int steps = 0;
        double previous = initialCapital;
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            double r = curve.equity(i) / previous - 1;
            previous = curve.equity(i);
            if (i == 0) {
                continue; // the first point is the starting state, not a step
            }
            returns[steps++] = r;
            sum += r;
            if (r < 0) {
                downsideSquares += r * r;
            }
        }
        double mean = steps == 0 ? Double.NaN : sum / steps;
        double variance = 0;
        for (int i = 0; i < steps; i++) {
            variance += (returns[i] - mean) * (returns[i] - mean);
        }
        double sd = steps > 1 ? Math.sqrt(variance / (steps - 1)) : Double.NaN;
        double annual = Math.sqrt(stepsPerYear);
        double sharpe = sd > 0 ? mean / sd * annual : Double.NaN;
        double downside = steps > 0 ? Math.sqrt(downsideSquares / steps) : Double.NaN;
        double sortino = downside > 0 ? mean / downside * annual : Double.NaN;

        Drawdown dd = maxDrawdown(curve, initialCapital);
        double calmar = dd.depth() > 0 ? cagr / dd.depth() : Double.NaN;

        int wins = 0;
        int losses = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double pnlSum = 0;
        double returnSum = 0;
        for (ClosedTrade t : trades) {
            pnlSum += t.pnl();
            returnSum += t.returnOnNotional();
            if (t.pnl() > 0) {
                wins++;
                grossProfit += t.pnl();
            } else if (t.pnl() < 0) {
                losses++;
                grossLoss -= t.pnl();
            }
        }
        int count = trades.size();
        double winRate = count == 0 ? Double.NaN : (double) wins / count;
        double profitFactor = grossLoss > 0 ? grossProfit / grossLoss : Double.NaN;
        double expectancy = count == 0 ? Double.NaN : pnlSum / count;
        double expectancyReturn = count == 0 ? Double.NaN : returnSum / count;

        int invested = 0;
        for (int i = 0; i < n; i++) {
            if (curve.invested(i)) {
                invested++;
            }
        }
        double exposure = n == 0 ? 0 : (double) invested / n;
        return new Performance(initialCapital, finalEquity, totalReturn, cagr, sharpe, sortino, calmar, dd, count,
                wins, losses, winRate, profitFactor, expectancy, expectancyReturn, exposure, feesPaid, stepsPerYear);
    }

    static Drawdown maxDrawdown(EquityCurve curve, double initialCapital) {
        int n = curve.size();
        if (n == 0) {
            return new Drawdown(0, 0, 0, null);
        }
        double peak = Math.max(initialCapital, curve.equity(0));
        int peakIndex = 0;
        double worst = 0;
        int worstPeak = 0;
        double worstPeakValue = peak;
        int worstTrough = 0;
        for (int i = 0; i < n; i++) {
            double e = curve.equity(i);
            if (e > peak) {
                peak = e;
                peakIndex = i;
            }
            double depth = (peak - e) / peak;
            if (depth > worst) {
                worst = depth;
                worstPeak = peakIndex;
                worstPeakValue = peak;
                worstTrough = i;
            }
        }
        Long recovery = null;
        if (worst > 0) {
            for (int i = worstTrough + 1; i < n; i++) {
                if (curve.equity(i) >= worstPeakValue) {
                    recovery = curve.time(i);
                    break;
                }
            }
        }
        return new Drawdown(worst, curve.time(worstPeak), curve.time(worstTrough), recovery);
    }

    public static List<InstrumentPnl> byInstrument(List<String> instruments, List<ClosedTrade> trades) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (String s : instruments) {
            acc.put(s, new double[4]);
        }
        for (ClosedTrade t : trades) {
            double[] a = acc.computeIfAbsent(t.instrument().symbol(), s -> new double[4]);
            a[0]++;
            a[1] += t.pnl() > 0 ? 1 : 0;
            a[2] += t.pnl();
            a[3] += t.fees();
        }
        return acc.entrySet().stream()
                .map(e -> new InstrumentPnl(e.getKey(), (int) e.getValue()[0], (int) e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }
}
