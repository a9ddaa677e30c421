package org.trellis.rl.market;

import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Bar;
import org.trellis.api.market.Clock;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.rl.sim.AssetMarket;

/**
 * One asset's tick as guards see it: the current market as a binary instrument (the asset's symbol, the
 * window end as expiry), a bar spanning the tick priced at the mid of the token held (the UP mid when
 * flat; see {@link SimPortfolio} for why positions are shown in their token), and the agent's 18 state
 * features. Reused tick after tick.
 */
final class AssetContext implements StrategyContext, Bar, FeatureVector {
    private final AssetMarket market;
    private final String symbol;
    private final SimPortfolio portfolio;
    private final PositionView position;
    private final Clock clock;
    private final long tickMillis;
    private Instrument instrument;
    private float[] state;
    private int index = -1;

    AssetContext(AssetMarket market, String symbol, SimPortfolio portfolio, PositionView position, Clock clock, long tickMillis) {
        this.market = market;
        this.symbol = symbol;
        this.portfolio = portfolio;
        this.position = position;
        this.clock = clock;
        this.tickMillis = tickMillis;
    }

    /** Moves to this tick; {@code state} is the tracker's current feature vector (read, not kept). */
    void tick(float[] state) {
        this.state = state;
        index++;
        long expiry = market.windowEnd() * 1000;
        if (instrument == null || instrument.expiryMillis() != expiry) {
            instrument = Instrument.binary(symbol, expiry); // a new market: once per window, not per tick
        }
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public Bar bar() {
        return this;
    }

    @Override
    public int barIndex() {
        return index;
    }

    @Override
    public FeatureVector features() {
        return this;
    }

    @Override
    public PositionView position() {
        return position;
    }

    @Override
    public PortfolioView portfolio() {
        return portfolio;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    // Bar: the tick that just ended, priced at the held token's mid

    @Override
    public long time() {
        return market.now() * 1000 - tickMillis;
    }

    @Override
    public double open() {
        return close();
    }

    @Override
    public double high() {
        return close();
    }

    @Override
    public double low() {
        return close();
    }

    @Override
    public double close() {
        org.trellis.rl.sim.Token held = market.position().token();
        return held == null ? market.book().mid() : held.price(market.book().mid());
    }

    /** The underlying's traded amount in the tick (the token's own volume is not simulated). */
    @Override
    public double volume() {
        double v = 0;
        for (int i = 0; i < market.trades().size(); i++) {
            v += market.trades().amount(i);
        }
        return v;
    }

    // FeatureVector: the 18 state features

    @Override
    public double get(int i) {
        return state[i];
    }

    @Override
    public int size() {
        return state.length;
    }

    @Override
    public boolean ready() {
        return true;
    }
}
