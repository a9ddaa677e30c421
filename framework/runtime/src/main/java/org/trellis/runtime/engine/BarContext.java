package org.trellis.runtime.engine;

import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Bar;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.Clock;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.strategy.StrategyContext;

/** The reused context of one instrument: repositioned per bar, never reallocated. */
final class BarContext implements StrategyContext {
    private final Instrument instrument;
    private final BarCursor cursor;
    private final Bar view;
    private final FeatureVector features;
    private final PositionView position;
    private final PortfolioView portfolio;
    private final Clock clock;

    BarContext(BarCursor cursor, FeatureVector features, PositionView position, PortfolioView portfolio, Clock clock) {
        this.instrument = cursor.series().instrument();
        this.cursor = cursor;
        this.view = new BarView(cursor);
        this.features = features;
        this.position = position;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    BarCursor cursor() {
        return cursor;
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public Bar bar() {
        return view;
    }

    @Override
    public int barIndex() {
        return cursor.index();
    }

    @Override
    public FeatureVector features() {
        return features;
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
}
