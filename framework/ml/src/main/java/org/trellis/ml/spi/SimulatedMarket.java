package org.trellis.ml.spi;

import java.util.List;
import org.trellis.api.plugin.ParamSpec;

/**
 * Markets a plugin simulates tick by tick, on which a script's strategy block runs instead of on bars:
 * {@code market 'binary-15m', assets: 'btc,eth'} in a strategy block names one. Such markets have
 * what bars lack (instruments that expire every few minutes, order books to walk, settlement), so the
 * plugin runs the block's loop itself; it still hands every order to the block's {@link
 * org.trellis.api.risk.RiskGuard}s through the same SPI the bar engine uses, and returns what happened
 * for the host to report like any run. Listed in {@code META-INF/services/org.trellis.ml.spi.SimulatedMarket}.
 */
public interface SimulatedMarket {
    /** The name scripts use, e.g. {@code binary-15m}. */
    String name();

    String description();

    /** The market's parameters (checked by the host before {@link #run}), with their defaults. */
    List<ParamSpec> params();

    /**
     * The model families this market can trade (the block's {@code model} must be one of them), e.g.
     * {@code rl-temporal}.
     */
    List<String> models();

    /**
     * Runs the block to the end of the simulation and returns what happened.
     *
     * @throws IllegalArgumentException naming a bad parameter, a missing model or unusable data
     */
    MarketResult run(MarketRequest request);
}
