// A causal Transformer up/down classifier as a strategy, on real Bitstamp BTC/USD one-minute bars.
//
// Needs a trained model first (a few minutes on two cores; early stopping keeps the best epoch):
//
//   ./trellis train deep-learning --model transformer --data btc-usd-1m   # saves models/transformer-btc-usd-1m
//   ./trellis run strategies/models/transformer.groovy
//   ./trellis compare-models models/lstm-btc-usd-1m models/transformer-btc-usd-1m   # after training both
//
// The model reads the last 50 bars of the 75 candle features (scaled with its training scaler) and
// gives P(up over the next 5 bars): above 0.6 it buys with that confidence, below 0.4 it sells.
// Entries are sized by confidence; a stop-loss and a cooldown from the safety plugin limit the damage.
// Most of these bars were the model's training data: judge it on the held-out ones (compare-models).
strategy('transformer') {
    data    'btc-usd-1m'
    model   'transformer', path: 'models/transformer-btc-usd-1m', buy: 0.6, sell: 0.4
    sizing  confidence()
    guards {
        stopLoss  0.01
        cooldown  5
    }
    costs   fee: 0.001, slippage: 0.0005
    capital 10_000
}
