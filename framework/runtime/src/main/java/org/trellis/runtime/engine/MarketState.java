package org.trellis.runtime.engine;

import java.util.List;

/** What the market looked like when an order was sent: the instrument's close and its features, by name. */
public record MarketState(double close, List<String> featureNames, double[] featureValues) {
}
