// AUDITED, the source system's selected profile (spec: contrastive.md, Profiles), on real Bitstamp BTC/USD
// one-minute bars: the supervised-contrastive transformer's signal acted on at P >= 0.75, the HMM regime
// filter blocking state 0 (the calmest regime), and an XGBoost auditor that must approve every entry (P > 0.6).
//
//   ./trellis run strategies/audited.groovy
//   ./trellis compare strategies/sniper.groovy strategies/audited.groovy strategies/reckless.groovy
//
// The first run trains whatever is missing below (about a minute on two cores, with progress) and keeps it
// under models/; later runs, and the other two profiles, reuse it. Delete a model folder to train it again.
// The transformer learns on the first 70% of the bars and picks its epochs on the next 15%; the HMM
// and the auditor learn on the first 70%. Judge the profiles on the bars none of them saw: add
// --from 2013-11-30T17:00:00Z to the commands above (about 23 hours, 1,380 bars).
train 'contrastive', out: 'models/contrastive-btc-usd-1m', data: 'btc-usd-1m'
train 'regime',      out: 'models/regime-btc-usd-1m',      data: 'btc-usd-1m'
// meta-labels: the trades the primary model opens at the profile's threshold on its training bars
train 'auditor',     out: 'models/auditor-btc-usd-1m.json', data: 'btc-usd-1m',
                     primary: 'models/contrastive-btc-usd-1m', threshold: 0.75

strategy('audited') {
    data      'btc-usd-1m'
    model     'contrastive', path: 'models/contrastive-btc-usd-1m'
    threshold 0.75
    regime    'hmm', path: 'models/regime-btc-usd-1m', block: '0'
    auditor   'xgboost', path: 'models/auditor-btc-usd-1m.json', approve: 0.6
    costs     fee: 0.001, slippage: 0.0005
    capital   10_000
}
