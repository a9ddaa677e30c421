package org.trellis.auditor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
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
import org.trellis.ml.model.ModelPaths;

/**
 * The meta-label auditor as a guard: for every entry it builds the auditor's input row (the
 * instrument's features at the signal bar, the entry's confidence and direction), asks the model
 * for P(profitable) and vetoes the entry (reason {@value #REASON}) unless P &gt; {@code approve}.
 * Exits and forced closes always pass. The last audit of each instrument (time, side, P, verdict)
 * and the counts are in {@link #state()}, which the journal stores with each checkpoint.
 *
 * <p>Feature columns are looked up once, in {@link #bind}; each instrument keeps one row array,
 * filled at every bar and reused for every order.
 */
public final class AuditorGuard implements RiskGuard {
    public static final String NAME = "xgboost";
    public static final String REASON = "auditor-rejected";
    private static final int CONFIDENCE = -1;
    private static final int DIRECTION = -2;

    private final XgboostAuditor auditor;
    private final String location;
    private final double approve;
    /** Per model input: a feature column, or {@link #CONFIDENCE} / {@link #DIRECTION}; null before bind. */
    private int[] columns;
    private final Map<Instrument, Track> tracks = new HashMap<>();
    private long reviewed;
    private long approved;
    private long rejected;

    /** One instrument's input row and its last audit. */
    private static final class Track {
        final float[] row;
        long time = Long.MIN_VALUE;
        OrderSide side;
        double probability = Double.NaN;
        boolean approved;

        Track(int inputs) {
            row = new float[inputs];
            java.util.Arrays.fill(row, Float.NaN);
        }
    }

    public AuditorGuard(XgboostAuditor auditor, String location, double approve) {
        if (!(approve >= 0 && approve <= 1)) {
            throw new IllegalArgumentException("auditor '" + NAME + "': approve must be a probability in [0, 1], got " + approve);
        }
        this.auditor = auditor;
        this.location = location;
        this.approve = approve;
    }

    @Override
    public void bind(FeatureSchema schema) {
        List<String> inputs = auditor.inputs();
        int[] c = new int[inputs.size()];
        for (int i = 0; i < c.length; i++) {
            String name = inputs.get(i);
            if (name.equals(XgboostAuditor.CONFIDENCE)) {
                c[i] = CONFIDENCE;
            } else if (name.equals(XgboostAuditor.DIRECTION)) {
                c[i] = DIRECTION;
            } else if (schema.contains(name)) {
                c[i] = schema.indexOf(name);
            } else {
                throw new IllegalArgumentException("auditor '" + NAME + "' (" + location + ") needs the feature '" + name
                        + "', which this run does not compute; the run has " + schema.names()
                        + " (add its feature set with the script's features keyword)");
            }
        }
        columns = c;
    }

    @Override
    public void onBar(StrategyContext context, ForceClose forceClose) {
        if (columns == null) {
            return;
        }
        Track track = tracks.get(context.instrument());
        if (track == null) { // not computeIfAbsent: its lambda would capture this and be allocated every bar
            track = new Track(columns.length);
            tracks.put(context.instrument(), track);
        }
        FeatureVector features = context.features();
        float[] row = track.row;
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] >= 0) {
                row[i] = (float) features.get(columns[i]);
            }
        }
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (!intent.isEntry()) {
            return;
        }
        if (columns == null) {
            throw new IllegalStateException("auditor '" + NAME + "' reviewed an order before bind(): the engine must bind guards");
        }
        Track track = tracks.computeIfAbsent(intent.instrument(), k -> new Track(columns.length));
        float[] row = track.row;
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == CONFIDENCE) {
                row[i] = (float) intent.probability(); // NaN (no confidence) is a missing value to XGBoost
            } else if (columns[i] == DIRECTION) {
                row[i] = intent.side() == OrderSide.BUY ? 1f : -1f;
            }
        }
        double p = auditor.probability(row);
        boolean ok = p > approve;
        track.time = intent.time();
        track.side = intent.side();
        track.probability = p;
        track.approved = ok;
        reviewed++;
        if (ok) {
            approved++;
        } else {
            rejected++;
            verdict.veto(REASON);
        }
    }

    /** P(profitable) of an instrument's last audited entry; NaN before its first. */
    public double lastProbability(Instrument instrument) {
        Track track = tracks.get(instrument);
        return track == null ? Double.NaN : track.probability;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void reset() {
        tracks.clear();
        reviewed = 0;
        approved = 0;
        rejected = 0;
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", location);
        m.put("approve", approve);
        m.put("inputs", new ArrayList<Object>(auditor.inputs()));
        m.put("reviewed", reviewed);
        m.put("approved", approved);
        m.put("rejected", rejected);
        Map<String, Object> instruments = new TreeMap<>();
        tracks.forEach((instrument, track) -> {
            if (track.side == null) {
                return;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("time", Instant.ofEpochMilli(track.time).toString());
            s.put("side", track.side.name());
            s.put("probability", track.probability);
            s.put("approved", track.approved);
            instruments.put(instrument.symbol(), s);
        });
        m.put("lastEntries", instruments);
        return m;
    }

    /** {@code auditor 'xgboost', path: 'models/auditor.json', approve: 0.6} or {@code --guard xgboost:path=...}. */
    public static final class Factory implements RiskGuardFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "meta-label auditor: veto entries (reason " + REASON + ") unless the XGBoost model (x.json with its input names "
                    + "in x.inputs.json) gives P(profitable) > approve; exits always pass";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.string("path", "", "the auditor model (required): an XGBoost JSON file, e.g. models/auditor.json"),
                    ParamSpec.number("approve", 0.6, "approve an entry only when P(profitable) is above this").between(0.0, 1.0));
        }

        @Override
        public RiskGuard create(Params params) {
            String path = params.getString("path", "").trim();
            if (path.isEmpty()) {
                throw new IllegalArgumentException("auditor '" + NAME + "' needs path: the XGBoost model, e.g. auditor 'xgboost', path: "
                        + "'models/auditor.json', approve: 0.6");
            }
            return new AuditorGuard(XgboostAuditor.load(ModelPaths.resolve(path)), path, params.getDouble("approve", 0.6));
        }
    }

}
