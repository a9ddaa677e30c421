package org.trellis.runtime.report;

/**
 * The figures of a run. Ratios that are undefined for the run (no losing trade for the profit
 * factor, no variance for Sharpe) are {@code NaN}, shown as "n/a" and written as JSON null.
 *
 * @param totalReturn final equity / initial capital - 1
 * @param cagr compound annual growth over the calendar span of the data
 * @param sharpe mean / sample standard deviation of per-step equity returns, annualised by the
 *               number of steps per year observed in the data, risk-free rate 0
 * @param sortino mean / downside deviation (root mean square of negative returns over all steps), annualised the same way
 * @param calmar CAGR / max drawdown
 * @param winRate winning trades / trades
 * @param profitFactor gross profit / gross loss of closed trades
 * @param expectancy average net PnL per trade, in account currency
 * @param expectancyReturn average net return per trade on its entry notional
 * @param exposure share of steps with at least one open position
 */
public record Performance(double initialCapital, double finalEquity, double totalReturn, double cagr, double sharpe,
                          double sortino, double calmar, Drawdown maxDrawdown, int trades, int wins, int losses,
                          double winRate, double profitFactor, double expectancy, double expectancyReturn,
                          double exposure, double feesPaid, double stepsPerYear) {
}
