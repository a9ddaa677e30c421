package org.trellis.rl.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.trellis.rl.sim.Action;
import org.trellis.rl.sim.AssetMarket;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.SimulatorConfig;
import org.trellis.rl.sim.SyntheticProcess;
import org.trellis.rl.sim.Tapes;
import org.trellis.rl.sim.Underlying;

class HistoryAndRangesTest {
    private static final int F = StateVector.SIZE;

    @Test
    void historyHoldsEachTickOnceOldestFirstAndStartsOverAtRollOver() {
        BinaryMarketSimulator sim = new BinaryMarketSimulator(SimulatorConfig.of(Tapes.fourSynthetic(), 2, 2).withTickSeconds(60));
        StateTracker tracker = new StateTracker();
        float[] previous = null;
        int ticks = 0;
        while (sim.advance() && sim.marketsOpen()) {
            AssetMarket sol = sim.asset(2);
            tracker.update(sol);
            float[] history = tracker.history();
            int tickInWindow = (int) ((sim.now() - sol.windowStart()) / 60);
            assertEquals(Math.min(5, tickInWindow + 1), tracker.historySize(), "at " + sim.now());
            assertArrayEquals(tracker.current(), Arrays.copyOfRange(history, 4 * F, 5 * F), "the current state is last");
            if (tickInWindow == 0) {
                assertTrue(sol.opened());
                assertArrayEquals(new float[4 * F], Arrays.copyOfRange(history, 0, 4 * F), "a new market's history is zero in front");
            } else {
                assertArrayEquals(previous, Arrays.copyOfRange(history, 3 * F, 4 * F), "the previous tick, pushed once");
            }
            previous = tracker.current().clone();
            ticks++;
            AssetMarket finalSol = sol;
            assertThrows(IllegalStateException.class, () -> tracker.update(finalSol), "a tick is pushed exactly once");
        }
        assertEquals(30, ticks);
    }

    @Test
    void featuresStayInTheirRangesOverADayOfRealBtcAndSyntheticMarkets() {
        // 30 hours of the Bitstamp tape (past the 24 h of volume history) and a jumpy, trending synthetic asset
        SyntheticProcess wild = new SyntheticProcess(50, 3, 1, 2, 0, 4e-4, 0.9, 120, 6, 0.02);
        BinaryMarketSimulator sim = new BinaryMarketSimulator(SimulatorConfig.of(List.of(Underlying.recorded("btc", Tapes.bitstamp()),
                Underlying.synthetic("sol", wild)), 17, 120).withTickSeconds(5));
        StateTracker[] trackers = {new StateTracker(), new StateTracker()};
        SplittableRandom random = new SplittableRandom(1);
        double[] lowest = new double[F];
        double[] highest = new double[F];
        Arrays.fill(lowest, Double.POSITIVE_INFINITY);
        Arrays.fill(highest, Double.NEGATIVE_INFINITY);
        while (sim.advance() && sim.marketsOpen()) {
            for (int a = 0; a < 2; a++) {
                trackers[a].update(sim.asset(a));
                float[] f = trackers[a].current();
                AssetMarket market = sim.asset(a);
                // built only when an assertion fails: the run has 43,000 states
                Supplier<String> where = () -> market.asset() + " at " + market.now() + ": " + Arrays.toString(f);
                for (int i = 0; i < F; i++) {
                    int feature = i;
                    assertTrue(f[i] >= -1 && f[i] <= 1, () -> "feature " + feature + " of " + where.get());
                    lowest[i] = Math.min(lowest[i], f[i]);
                    highest[i] = Math.max(highest[i], f[i]);
                }
                for (int i : new int[] {7, 8, 9, 10, 15}) {
                    assertTrue(f[i] >= 0, () -> "feature " + i + " of " + where.get());
                }
                for (int i : new int[] {12, 16, 17}) {
                    assertTrue(f[i] == 0 || f[i] == 1, () -> "feature " + i + " of " + where.get());
                }
                assertTrue(f[13] == 0 || f[13] == 1 || f[13] == -1, where);
                assertTrue(f[15] > 0, where);
                sim.act(a, Action.ofIndex(random.nextInt(3)), 20);
            }
        }
        // every feature moved during the run (none is stuck at a constant)
        for (int i = 0; i < F; i++) {
            assertTrue(highest[i] > lowest[i], "feature " + i + " never changed: " + lowest[i]);
        }
        assertTrue(lowest[0] < 0 && highest[0] > 0 && lowest[11] < 0 && highest[11] > 0, Arrays.toString(lowest) + Arrays.toString(highest));
    }
}
