package org.trellis.contrastive.run;

import java.util.List;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;

/**
 * A saved contrastive model as a long-only strategy (its target is +1 vs the rest, so it only ever
 * says when a rise is likely). Each bar's contrastive features go into a ring of the last
 * {@code window} rows; when flat and the ring is full, P(+1) of the window ending at this bar above
 * 0.5 buys with probability P (the run's {@code threshold} then drops the weak ones). While long it
 * exits the way the label was defined ({@link BarrierExit}), with no probability so that the
 * threshold never blocks an exit.
 *
 * <p>The barriers' reference: the strategy cannot assume its BUY filled (a threshold or a guard may
 * veto it), so it asks {@code context.position()}. When a long is first seen on the bar right after
 * this strategy's BUY (the normal next-open fill), the reference is that signal bar's close and ATR,
 * exactly the label's barriers and horizon; any other long (a fill that waited, a recovered
 * session) is referenced to the position's entry price and the ATR of the bar it was first seen.
 * The ATR is the labels' Wilder ATR, read from the {@code wilder-atr} feature set computed from the
 * first bar of the run.
 */
final class ContrastiveStrategy implements Strategy {
    static final String UP = "contrastive-up";

    /** What the strategy needs of a model: its inputs and P(+1) for one window. */
    interface WindowScorer {
        List<String> features();

        int window();

        /** Where it was loaded from, for messages. */
        String location();

        /** P(+1) of one window [window][feature], oldest bar first. */
        double probability(float[] window);
    }

    private final WindowScorer model;
    private final FeatureRequest features;
    private final FeatureRequest atrFeatures;
    private final String atrColumnName;
    private final BarrierExit exit;
    private final int window;
    private final int width;
    private final int[] columns;
    private final float[] ring;
    private final float[] ordered;
    private int atrColumn;
    private int rows;
    private int signalBar = -1;
    private double signalClose;
    private double signalAtr;
    private long trackedEntry = Long.MIN_VALUE;

    ContrastiveStrategy(WindowScorer model, FeatureRequest features, FeatureRequest atrFeatures, String atrColumnName,
                        BarrierExit exit) {
        this.model = model;
        this.features = features;
        this.atrFeatures = atrFeatures;
        this.atrColumnName = atrColumnName;
        this.exit = exit;
        this.window = model.window();
        this.width = model.features().size();
        this.columns = new int[width];
        this.ring = new float[window * width];
        this.ordered = new float[window * width];
    }

    @Override
    public List<FeatureRequest> requiredFeatures() {
        return List.of(features, atrFeatures);
    }

    @Override
    public void bind(FeatureSchema schema) {
        List<String> names = model.features();
        for (int i = 0; i < width; i++) {
            if (!schema.contains(names.get(i))) {
                throw new IllegalArgumentException(model.location() + " needs feature '" + names.get(i) + "', which the '"
                        + features.featureSet() + "' feature set does not make (it makes " + schema.names() + ")");
            }
            columns[i] = schema.indexOf(names.get(i));
        }
        atrColumn = schema.indexOf(atrColumnName);
    }

    @Override
    public void decide(StrategyContext context, Decision decision) {
        int bar = context.barIndex();
        FeatureVector f = context.features();
        boolean full = push(f);
        double close = context.bar().close();
        double atr = f.get(atrColumn);
        PositionView position = context.position();
        if (position != null && position.isLong()) {
            if (!exit.armed() || position.entryTime() != trackedEntry) {
                trackedEntry = position.entryTime();
                if (signalBar == bar - 1) {
                    exit.arm(signalBar, signalClose, signalAtr);
                } else {
                    exit.arm(bar, position.entryPrice(), atr);
                }
            }
            String reason = exit.check(bar, close);
            if (reason != null) {
                decision.set(Side.SELL, Double.NaN, Double.NaN).because(reason);
            }
            return;
        }
        exit.disarm();
        signalBar = -1;
        if (!full) {
            return;
        }
        double p = model.probability(ordered);
        if (p > 0.5) {
            decision.set(Side.BUY, p, Double.NaN).because(UP);
            signalBar = bar;
            signalClose = close;
            signalAtr = atr;
        }
    }

    /** Adds this bar's row to the ring; true when the last {@code window} rows are complete (then in {@code ordered}). */
    private boolean push(FeatureVector f) {
        int slot = rows % window;
        for (int i = 0; i < width; i++) {
            double v = f.get(columns[i]);
            if (!Double.isFinite(v)) {
                rows = 0; // the window restarts after a gap in the features, as in training
                return false;
            }
            ring[slot * width + i] = (float) v;
        }
        rows++;
        if (rows < window) {
            return false;
        }
        // oldest row first, as in training
        int oldest = rows % window;
        System.arraycopy(ring, oldest * width, ordered, 0, (window - oldest) * width);
        System.arraycopy(ring, 0, ordered, (window - oldest) * width, oldest * width);
        return true;
    }

    @Override
    public void reset() {
        rows = 0;
        signalBar = -1;
        trackedEntry = Long.MIN_VALUE;
        exit.disarm();
    }
}
