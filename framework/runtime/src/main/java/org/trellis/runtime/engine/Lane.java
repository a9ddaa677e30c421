package org.trellis.runtime.engine;

import org.trellis.api.market.Bar;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.Instrument;
import org.trellis.api.strategy.Strategy;
import org.trellis.runtime.data.ColumnarBarSeries;

/** Everything a run keeps for one instrument: its bars, where it is in them, its features and strategy. */
final class Lane {
    final ColumnarBarSeries series;
    final int size;
    final Instrument instrument;
    final BarCursor cursor;
    final FeatureBank features;
    final Strategy strategy;
    final BarContext context;
    /** The cursor as parts outside the engine see it: read-only. */
    final Bar view;

    Lane(ColumnarBarSeries series, FeatureBank features, Strategy strategy, BarContext context) {
        this.series = series;
        this.size = series.size();
        this.instrument = series.instrument();
        this.cursor = context.cursor();
        this.features = features;
        this.strategy = strategy;
        this.context = context;
        this.view = context.bar();
    }
}
