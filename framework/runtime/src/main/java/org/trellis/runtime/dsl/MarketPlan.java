package org.trellis.runtime.dsl;

import org.trellis.api.plugin.Params;
import org.trellis.ml.spi.SimulatedMarket;

/**
 * A strategy block that trades a simulated market: the market with its checked parameters, and the
 * model that trades it, with its parameters as written; {@code where} and {@code modelWhere} are their script lines.
 */
public record MarketPlan(SimulatedMarket market, Params params, String model, Params modelParams, String where, String modelWhere) {
}
