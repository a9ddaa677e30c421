// The PPO agent with a temporal encoder (plugin rl-temporal) trading simulated 15-minute up/down markets:
// BTC driven by the real Bitstamp trade tape (2013-11-25 .. 12-01), ETH, SOL and XRP by seeded synthetic
// trade streams. Every 5 simulated seconds the agent reads each market's 18-feature history and takes its
// most probable action (argmax: evaluation mode), sized by its confidence (base $5 at full confidence);
// orders walk the simulated order book, markets settle at 0 or 1.
//
//   ./trellis run strategies/rl_temporal.groovy
//   ./trellis run strategies/rl_temporal.groovy --report-html reports/rl_temporal.html --export-trades var/rl_trades.csv
//
// The first run trains the agent below (50 PPO updates on the tape's first hours, about 10 s) and
// keeps it under models/; trading then starts at the first market after the period it trained on. To run
// the upstream Phase-5 weights instead: ./trellis rl import data/lacuna/rl_model.safetensors and
// point path: at models/rl-temporal-lacuna.
//
// The guards are the source system's: close 3 minutes before expiry, close after 14 minutes, and stop
// entries on a stale book (30 s) and close on a critically stale one (60 s). The simulator's book feed
// fails now and then (once an hour per market, 90 s) so that the last one has something to catch.
train 'rl-temporal', out: 'models/rl-temporal-btc', updates: 50

strategy('rl-temporal') {
    market  'binary-15m', assets: 'btc,eth,sol,xrp', 'base-size': 5, 'outages-per-hour': 1, 'outage-seconds': 90
    model   'rl-temporal', path: 'models/rl-temporal-btc'
    guard   'pre-expiry', minutes: 3
    guard   'max-age', seconds: 840
    guard   'stale-book', 'degraded-seconds': 30, 'critical-seconds': 60
    costs   fee: 0
    capital 1_000
}
