// Two strategies side by side on the same BTC/USD hourly bars, each with its own portfolio and
// risk budget: one strategy's losses never block the other's trades.
//
//   trend:  SMA 5/20 crossover (the built-in 'sma-cross'), allowed to go short;
//   dip:    a rule that buys when the close is 1% below its 10-bar SMA and sells back above it,
//           with at most one position open and a 3% stop.
//
//   ./trellis run strategies/side_by_side.groovy          # two reports, then a side-by-side table
//   ./trellis compare strategies/side_by_side.groovy strategies/sma_cross.groovy
strategy('trend') {
    data       'btc-usd-1h'
    model      'sma-cross', fast: 5, slow: 20
    allowShort true
    capital    5_000
}

strategy('dip') {
    data      'btc-usd-1h'
    features  'sma', period: 10
    rule { f -> f.close < f.sma10 * 0.99 ? BUY : f.close > f.sma10 ? SELL : HOLD }
    guards {
        maxPositions 1
        stopLoss     0.03
    }
    sizing    fixed(0.5)
    capital   5_000
}
