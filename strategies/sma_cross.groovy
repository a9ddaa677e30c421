// Moving-average crossover on real Bitstamp BTC/USD one-minute bars (November 2013).
//
// Buys when the 10-bar SMA of the close crosses above the 30-bar SMA, sells on the cross below.
// The built-in 'sma-cross' strategy decides; a stop-loss from the safety plugin closes a position
// that has lost 2% of its entry value. Costs: 0.1% fee and 0.05% slippage per fill.
//
//   ./trellis run strategies/sma_cross.groovy
//   ./trellis run strategies/sma_cross.groovy --report-html reports/sma_cross.html
//   ./trellis run strategies/sma_cross.groovy --mode paper --speed 600
strategy('sma-cross') {
    data      'btc-usd-1m'
    model     'sma-cross', fast: 10, slow: 30
    guard     'stop-loss', pct: 0.02
    costs     fee: 0.001, slippage: 0.0005
    capital   10_000
}
