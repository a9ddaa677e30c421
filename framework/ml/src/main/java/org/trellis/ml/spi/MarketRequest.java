package org.trellis.ml.spi;

import java.util.List;
import java.util.Objects;
import org.trellis.api.plugin.Params;
import org.trellis.api.risk.HealthReporter;
import org.trellis.api.risk.RiskGuard;

/**
 * One strategy block to run on a {@link SimulatedMarket}.
 *
 * @param strategy    the block's name
 * @param market      the market's parameters, checked against {@link SimulatedMarket#params()}
 * @param model       the model family the block names
 * @param modelParams the model's parameters ({@code path}, ...), as written in the script
 * @param guards      the block's guards in order; the market resets each, attaches {@code health} and a kill
 *                    switch of its own, and binds its feature names before the run, as the bar engine does
 * @param capital     starting equity
 * @param feeRate     fee per fill, fraction of notional
 * @param seed        the run's seed
 * @param host        data, models folder and console of the host
 * @param health      where health events go (the guards' and the market's own)
 * @param progress    called with (steps done, steps in all) now and then
 * @param events      told of each closed trade and veto as it happens (the host journals them)
 */
public record MarketRequest(String strategy, Params market, String model, Params modelParams, List<RiskGuard> guards,
                            double capital, double feeRate, long seed, TrainingContext host, HealthReporter health,
                            Progress progress, Events events) {
    public MarketRequest {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelParams, "modelParams");
        guards = List.copyOf(guards);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(events, "events");
    }

    /** What a market reports as it happens, so that the host's journal loses nothing closed when a run dies. */
    public interface Events {
        Events NONE = new Events() {
        };

        default void onTradeClosed(MarketResult.Trade trade) {
        }

        default void onVeto(org.trellis.api.risk.OrderIntent intent, String reason) {
        }
    }

    /** Progress of a long run. */
    @FunctionalInterface
    public interface Progress {
        void progress(long done, long total);
    }
}
