// RECKLESS (spec: contrastive.md, Profiles): the contrastive transformer's signal at P >= 0.75 with the HMM
// regime filter blocking state 0, but no auditor: every entry the model and the regime allow is taken.
// On real Bitstamp BTC/USD one-minute bars; the first run trains the missing models (see audited.groovy).
//
//   ./trellis run strategies/reckless.groovy
//   ./trellis compare strategies/sniper.groovy strategies/audited.groovy strategies/reckless.groovy
train 'contrastive', out: 'models/contrastive-btc-usd-1m', data: 'btc-usd-1m'
train 'regime',      out: 'models/regime-btc-usd-1m',      data: 'btc-usd-1m'

strategy('reckless') {
    data      'btc-usd-1m'
    model     'contrastive', path: 'models/contrastive-btc-usd-1m'
    threshold 0.75
    regime    'hmm', path: 'models/regime-btc-usd-1m', block: '0'
    costs     fee: 0.001, slippage: 0.0005
    capital   10_000
}
