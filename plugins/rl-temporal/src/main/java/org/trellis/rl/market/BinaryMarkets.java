package org.trellis.rl.market;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.ml.model.ModelPaths;
import org.trellis.ml.spi.MarketRequest;
import org.trellis.ml.spi.MarketResult;
import org.trellis.ml.spi.SimulatedMarket;
import org.trellis.rl.infer.DecisionNetwork;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.BookConfig;
import org.trellis.rl.sim.FillMode;
import org.trellis.rl.sim.MarketWindow;
import org.trellis.rl.sim.Seeds;
import org.trellis.rl.sim.SimulatorConfig;
import org.trellis.rl.sim.Underlying;
import org.trellis.rl.train.Markets;

/**
 * {@code market 'binary-15m'}: the plugin's 15-minute up/down markets (BTC on the bundled Bitstamp
 * tape, the others synthetic), traded by a saved rl-temporal agent in evaluation mode.
 */
public final class BinaryMarkets implements SimulatedMarket {
    public static final String NAME = "binary-15m";
    static final String ASSETS = "btc,eth,sol,xrp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "15-minute binary up/down markets (BTC on the Bitstamp tape, others synthetic) traded by an rl-temporal agent "
                + "(argmax, confidence sizing, fills walk the book, settlement at 0/1)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.string("assets", ASSETS, "comma-separated assets: btc (recorded tape), eth, sol, xrp (synthetic)"),
                ParamSpec.bool("synthetic-btc", false, "BTC from a synthetic process instead of the recorded tape"),
                ParamSpec.integer("windows", 0, "15-minute windows to simulate from the start; 0 = until the tape ends").atLeast(0),
                ParamSpec.string("from", "", "ISO-8601 time trading starts (earlier ticks only warm the features up); "
                        + "default: after the period the model trained on, when its model.json records one"),
                ParamSpec.integer("tick-seconds", 5, "simulated seconds per decision; must divide 900").atLeast(1),
                ParamSpec.number("base-size", 5, "dollars per order at full confidence (the source's $10 x 0.5)").atLeast(0.01),
                ParamSpec.number("momentum", 0, "momentum planted in the synthetic assets, in [0, 1)").between(0, 0.999),
                ParamSpec.number("outages-per-hour", 0, "book-feed outages per asset and hour (seeded), for the stale-book guard")
                        .atLeast(0),
                ParamSpec.number("outage-seconds", 90, "how long each outage lasts").atLeast(0),
                ParamSpec.number("api-error-rate", 0, "share of book requests the venue fails (seeded): an API error to "
                        + "the guards, no fresh book that tick").between(0, 1),
                ParamSpec.number("order-failure-rate", 0, "share of orders the venue rejects (seeded)").between(0, 1),
                ParamSpec.number("slippage-warning", 0.10, "an emergency close filled this far below the mid raises a health "
                        + "event").between(0, 1));
    }

    @Override
    public List<String> models() {
        return List.of(AgentModel.FAMILY);
    }

    @Override
    public MarketResult run(MarketRequest request) {
        if (!AgentModel.FAMILY.equals(request.model())) {
            throw new IllegalArgumentException("market '" + NAME + "' is traded by an " + AgentModel.FAMILY + " agent, not by a '"
                    + request.model() + "' model: write model '" + AgentModel.FAMILY + "', path: 'models/...'");
        }
        String path = request.modelParams().getString("path", "");
        if (path.isBlank()) {
            throw new IllegalArgumentException("model '" + AgentModel.FAMILY + "' needs path: the agent's folder (trellis train "
                    + AgentModel.FAMILY + " --out DIR, or trellis rl import)");
        }
        AgentModel agent = AgentModel.open(ModelPaths.resolve(path));
        Params p = request.market();
        int tick = p.getInt("tick-seconds", 5);
        int windows = p.getInt("windows", 0);
        List<String> names = Arrays.stream(p.getString("assets", ASSETS).split(",")).map(String::trim).toList();
        List<Underlying> underlyings = Markets.underlyings("assets", names, p.getBoolean("synthetic-btc", false),
                p.getDouble("momentum", 0), () -> request.host().trades(Markets.BTC_TAPE));
        boolean recorded = underlyings.stream().anyMatch(Underlying::isRecorded);
        if (!recorded && windows == 0) {
            throw new IllegalArgumentException("windows: every asset is synthetic, so nothing ends the markets; say how many "
                    + "15-minute windows to simulate, e.g. windows: 96 (a day)");
        }
        // the market's own seed: training with the same run seed draws its synthetic paths and book noise from
        // request.seed() itself, so an evaluation never replays what the agent trained on
        long seed = Seeds.derive(request.seed(), NAME, "evaluation");
        SimulatorConfig config;
        try {
            config = new SimulatorConfig(underlyings, seed, tick, request.feeRate(), FillMode.WALK_BOOK, BookConfig.DEFAULT,
                    SimulatorConfig.SYNTHETIC_EPOCH, windows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("market '" + NAME + "': " + e.getMessage().replace("tickSeconds", "tick-seconds"), e);
        }
        BinaryMarketSimulator sim = new BinaryMarketSimulator(config);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("model", path + " (" + agent.metadata().data().source() + ")");
        about.put("markets", Markets.describe(underlyings) + ", tick " + tick + " s, fee rate " + request.feeRate());
        long from = from(p.getString("from", ""), agent, recorded, sim, about);
        List<String> assets = underlyings.stream().map(Underlying::asset).toList();
        FeedOutages outages = new FeedOutages(p.getDouble("outages-per-hour", 0), p.getDouble("outage-seconds", 90), tick, seed, assets);
        VenueFailures venue = new VenueFailures(p.getDouble("api-error-rate", 0), p.getDouble("order-failure-rate", 0), seed);
        return new MarketRun(sim, new DecisionNetwork(agent.weights()), request.guards(), request.capital(),
                p.getDouble("base-size", 5), from, outages, venue, p.getDouble("slippage-warning", 0.10), request.health(),
                request.progress(), request.events(), about).run();
    }

    /**
     * The first second to trade: the one asked for (flagged when it falls inside the period the agent trained
     * on), else, when both the agent and this run use the recorded BTC tape, the first window after the
     * agent's training; else the start (synthetic markets are drawn from this market's own seed).
     */
    private static long from(String asked, AgentModel agent, boolean recorded, BinaryMarketSimulator sim, Map<String, Object> about) {
        ModelMetadata.DataRange data = agent.metadata().data();
        String trainedTo = data == null ? null : data.to();
        boolean sameTape = recorded && trainedTo != null && data.source() != null && data.source().contains(Markets.BTC_TAPE);
        if (!asked.isBlank()) {
            long from;
            try {
                from = Instant.parse(asked.trim()).getEpochSecond();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("from: '" + asked + "' is not an ISO-8601 time such as 2013-11-27T00:00:00Z");
            }
            if (sameTape && from <= Instant.parse(trainedTo).getEpochSecond()) {
                about.put("IN SAMPLE", "from: " + asked + " is inside the period the model trained on (to " + trainedTo
                        + "): these figures are not out of sample");
            }
            return from;
        }
        if (sameTape) {
            long after = MarketWindow.boundaryAtOrAfter(Instant.parse(trainedTo).getEpochSecond() + 1);
            about.put("out of sample", "trading starts at the first window after the model's training (" + trainedTo + ")");
            return after;
        }
        return sim.start();
    }
}
