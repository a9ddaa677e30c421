package org.trellis.regime.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.regime.RegimeInputs;
import org.trellis.regime.hmm.ForwardFilter;
import org.trellis.regime.model.RegimeModel;
import org.trellis.ml.model.ModelPaths;

/**
 * The HMM regime filter: at every bar it feeds the instrument's log return and 24-bar volatility
 * to that instrument's forward filter, so it knows P(regime | bars up to now) and never anything
 * later; it vetoes entries (reason {@value #REASON}) while the filtered probability of the blocked
 * states is at least {@code min-probability}. Exits and forced closes always pass. Until an
 * instrument has 25 bars its regime is unknown and its entries pass.
 */
public final class HmmRegimeGuard implements RiskGuard {
    public static final String NAME = "hmm";
    public static final String REASON = "regime-blocked";

    private final RegimeModel model;
    private final String location;
    private final int[] blocked;
    private final double minProbability;
    private final Map<Instrument, Track> tracks = new HashMap<>();

    /** One instrument's inputs and filter. */
    private static final class Track {
        final RegimeInputs inputs = new RegimeInputs();
        final ForwardFilter filter;
        final double[] observation = new double[RegimeInputs.NAMES.size()];
        long bars;
        long lastTime = Long.MIN_VALUE;
        long shortestGap = Long.MAX_VALUE;

        Track(ForwardFilter filter) {
            this.filter = filter;
        }
    }

    public HmmRegimeGuard(RegimeModel model, String location, int[] blocked, double minProbability) {
        for (int b : blocked) {
            if (b < 0 || b >= model.hmm().states()) {
                throw new IllegalArgumentException("guard '" + NAME + "': block names state " + b + " but " + location + " has states 0.."
                        + (model.hmm().states() - 1));
            }
        }
        this.model = model;
        this.location = location;
        this.blocked = blocked.clone();
        this.minProbability = minProbability;
    }

    /** Bars over which the shortest spacing is taken before it is compared with the model's (gaps only lengthen it). */
    static final int SPACING_BARS = 10;

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        Track track = observe(context.instrument(), context.bar().close());
        checkSpacing(context.instrument(), track, context.bar().time());
    }

    /**
     * A model fitted on one bar size misreads another: 24-bar volatility of minute bars is about a
     * eighth of hourly bars', so every bar would look like the calmest regime. After the first
     * {@value #SPACING_BARS} bars the shortest spacing must be within a factor of 2 of the model's.
     */
    private void checkSpacing(Instrument instrument, Track track, long time) {
        if (track.lastTime != Long.MIN_VALUE && track.bars <= SPACING_BARS + 1) {
            track.shortestGap = Math.min(track.shortestGap, time - track.lastTime);
            long fitted = model.barMillis();
            if (track.bars == SPACING_BARS + 1 && fitted > 0 && (track.shortestGap > 2 * fitted || 2 * track.shortestGap < fitted)) {
                throw new IllegalArgumentException("the regime model " + location + " was fitted on bars " + fitted / 1000
                        + " s apart, but " + instrument.symbol() + " bars are " + track.shortestGap / 1000 + " s apart: its volatility "
                        + "regimes do not carry over; train one on these bars (" + RegimeModel.howToTrain("models/regime-<data>")
                        + " --data <this data>)");
            }
        }
        track.lastTime = time;
    }

    /** Take in an instrument's next close (what {@link #onBar} does); returns its track. */
    Track observe(Instrument instrument, double close) {
        Track track = tracks.get(instrument);
        if (track == null) {
            track = new Track(new ForwardFilter(model.hmm()));
            tracks.put(instrument, track);
        }
        track.bars++;
        if (track.inputs.update(close)) {
            track.inputs.observation(track.observation);
            track.filter.update(track.observation);
        }
        return track;
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (!intent.isEntry()) {
            return;
        }
        double p = blockedProbability(intent.instrument());
        if (p >= minProbability) {
            verdict.veto(REASON);
        }
    }

    /** The filtered probability of the blocked states for an instrument now; NaN before its first observation. */
    public double blockedProbability(Instrument instrument) {
        Track track = tracks.get(instrument);
        if (track == null || track.filter.steps() == 0) {
            return Double.NaN;
        }
        double p = 0;
        for (int b : blocked) {
            p += track.filter.probability(b);
        }
        return p;
    }

    /** The filtered most probable regime of an instrument now; -1 before its first observation. */
    public int regime(Instrument instrument) {
        Track track = tracks.get(instrument);
        return track == null || track.filter.steps() == 0 ? -1 : track.filter.state();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void reset() {
        tracks.clear();
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", location);
        List<Object> blockedList = new ArrayList<>();
        for (int b : blocked) {
            blockedList.add(b);
        }
        m.put("blocked", blockedList);
        m.put("minProbability", minProbability);
        Map<String, Object> instruments = new TreeMap<>();
        tracks.forEach((instrument, track) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            if (track.filter.steps() == 0) {
                s.put("regime", "warming up");
                s.put("bars", track.bars);
                s.put("barsNeeded", RegimeInputs.WARM_UP + 1);
            } else {
                s.put("regime", track.filter.state());
                List<Object> p = new ArrayList<>();
                for (int i = 0; i < model.hmm().states(); i++) {
                    p.add(track.filter.probability(i));
                }
                s.put("probabilities", p);
                double bp = blockedProbability(instrument);
                s.put("blockedProbability", bp);
                s.put("entriesBlocked", bp >= minProbability);
            }
            instruments.put(instrument.symbol(), s);
        });
        m.put("instruments", instruments);
        return m;
    }

    /** {@code regime 'hmm', path: 'models/regime-btc-usd-1m', block: '0'} or {@code --guard hmm:path=...}. */
    public static final class Factory implements RiskGuardFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "HMM regime filter: veto entries (reason " + REASON + ") while the forward-filtered probability of the blocked "
                    + "regimes is at least min-probability (train the model with ./trellis train regime)";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.string("path", "", "the regime model folder (required), e.g. models/regime-btc-usd-1m"),
                    ParamSpec.string("block", "0", "states whose entries are vetoed, comma-separated (0 = lowest volatility)"),
                    ParamSpec.number("min-probability", 0.5, "veto only when the blocked states' filtered probability is at least this")
                            .between(0.0, 1.0));
        }

        @Override
        public RiskGuard create(Params params) {
            String path = params.getString("path", "").trim();
            if (path.isEmpty()) {
                throw new IllegalArgumentException("guard '" + NAME + "' needs path: the regime model folder, e.g. regime 'hmm', path: "
                        + "'models/regime-btc-usd-1m', block: '0' (train it with " + RegimeModel.howToTrain("models/regime-btc-usd-1m")
                        + ")");
            }
            int[] blocked = parseStates(params.getString("block", "0"));
            double min = params.getDouble("min-probability", 0.5);
            RegimeModel model = RegimeModel.open(ModelPaths.resolve(path));
            return new HmmRegimeGuard(model, path, blocked, min);
        }
    }

    static int[] parseStates(String text) {
        String[] parts = text.trim().split("\\s*[,;]\\s*");
        List<Integer> states = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                int s = Integer.parseInt(part);
                if (!states.contains(s)) {
                    states.add(s);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("guard '" + NAME + "': block must list states as integers, e.g. '0' or '0,1'; got '"
                        + text + "'");
            }
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("guard '" + NAME + "': block lists no state; e.g. block: '0'");
        }
        return states.stream().mapToInt(Integer::intValue).toArray();
    }

}
