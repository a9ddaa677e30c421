package org.trellis.rl.state;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trellis.rl.sim.Action;
import org.trellis.rl.sim.AssetMarket;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.Fill;
import org.trellis.rl.sim.OrderBook;
import org.trellis.rl.sim.SimulatorConfig;

/**
 * A whole simulator run with a feature tracker per asset and seeded random actions, recorded tick by
 * tick: per asset the 18 features, the book, the fill and any settlement. What the determinism and
 * look-ahead tests compare.
 */
final class Recording {
    /** One asset at one tick: its epoch second and everything observed and done. */
    record Row(long second, int asset, double[] values) {
    }

    final List<Row> rows = new ArrayList<>();

    static Recording of(SimulatorConfig config, long actionSeed) {
        Recording recording = new Recording();
        BinaryMarketSimulator sim = new BinaryMarketSimulator(config);
        StateTracker[] trackers = new StateTracker[sim.assets()];
        for (int a = 0; a < trackers.length; a++) {
            trackers[a] = new StateTracker();
        }
        SplittableRandom actions = new SplittableRandom(actionSeed);
        while (sim.advance()) {
            for (int a = 0; a < sim.assets(); a++) {
                AssetMarket market = sim.asset(a);
                double settlement = market.expired() ? market.expiry().pnl() : Double.NaN;
                if (!sim.marketsOpen()) {
                    recording.rows.add(new Row(sim.now(), a, new double[] {settlement}));
                    continue;
                }
                trackers[a].update(market);
                // a HOLD-heavy random policy, so positions open and close throughout the run
                Action action = Action.ofIndex(actions.nextInt(10) < 8 ? 0 : 1 + actions.nextInt(2));
                Fill fill = sim.act(a, action, 5 + actions.nextInt(50));
                recording.rows.add(new Row(sim.now(), a, row(trackers[a].current(), market.book(), fill, settlement)));
            }
        }
        return recording;
    }

    private static double[] row(float[] features, OrderBook book, Fill fill, double settlement) {
        double[] v = new double[features.length + 4 * OrderBook.LEVELS + 4];
        int i = 0;
        for (float f : features) {
            v[i++] = f;
        }
        for (int k = 0; k < OrderBook.LEVELS; k++) {
            v[i++] = book.bidPrice(k);
            v[i++] = book.bidSize(k);
            v[i++] = book.askPrice(k);
            v[i++] = book.askSize(k);
        }
        v[i++] = fill.shares();
        v[i++] = fill.averagePrice();
        v[i++] = fill.realizedPnl();
        v[i] = settlement;
        return v;
    }
}
