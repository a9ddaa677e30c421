package org.trellis.api.strategy;

import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Bar;
import org.trellis.api.market.Clock;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;

/** What a strategy (or a guard) sees at one bar of one instrument. Valid during the call only. */
public interface StrategyContext {
    Instrument instrument();

    /** The bar that just closed. */
    Bar bar();

    /** Index of {@link #bar()} in its series. */
    int barIndex();

    FeatureVector features();

    PositionView position();

    PortfolioView portfolio();

    Clock clock();
}
