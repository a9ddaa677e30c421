// RSI mean reversion written as a rule in the script itself, on Apple daily bars (2013).
//
// Buys when the 14-day RSI falls below 30 (oversold) and sells once it rises above 55. The rule
// is compiled statically into a Java lambda: f.rsi14 is an array read, BUY/SELL/HOLD are enum
// constants, so it runs at Java speed. Rules read features declared with 'features' by the names
// the feature sets give them (rsi14, sma50, ...) and the bar's open/high/low/close/volume.
//
//   ./trellis run strategies/rsi_reversion.groovy
strategy('rsi-reversion') {
    data      'aapl-1d'
    features  'rsi', period: 14
    features  'sma', period: 50
    rule { f -> f.rsi14 < 30 ? BUY : f.rsi14 > 55 ? SELL : HOLD }
    guards {
        stopLoss    0.08          // the safety plugin's stop-loss guard: close at -8%
        takeProfit  0.15          // and take profit at +15%
    }
    costs     fee: 0.0005, slippage: 0.0002
    capital   10_000
}
