// SNIPER (spec: contrastive.md, Profiles): only the contrastive transformer's most confident signals,
// P >= 0.95, with the HMM regime filter blocking state 0 and no auditor. Expect very few trades (the source
// system made 2 on its validation period). On real Bitstamp BTC/USD one-minute bars; the first run trains
// the missing models (see audited.groovy).
//
//   ./trellis run strategies/sniper.groovy
//   ./trellis compare strategies/sniper.groovy strategies/audited.groovy strategies/reckless.groovy
train 'contrastive', out: 'models/contrastive-btc-usd-1m', data: 'btc-usd-1m'
train 'regime',      out: 'models/regime-btc-usd-1m',      data: 'btc-usd-1m'

strategy('sniper') {
    data      'btc-usd-1m'
    model     'contrastive', path: 'models/contrastive-btc-usd-1m'
    threshold 0.95
    regime    'hmm', path: 'models/regime-btc-usd-1m', block: '0'
    costs     fee: 0.001, slippage: 0.0005
    capital   10_000
}
