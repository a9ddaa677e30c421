package org.trellis.rl.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.Instrument;
import org.trellis.ml.spi.TradeStream;
import org.trellis.rl.sim.SimulatorConfig;
import org.trellis.rl.sim.SyntheticProcess;
import org.trellis.rl.sim.Tapes;
import org.trellis.rl.sim.Underlying;

/** Features, books and fills at or before t must not change when the trades after t change. */
class LookAheadTest {
    private static final long START = Tapes.T0 - 3600;

    @Test
    void tradesAfterTChangeNothingAtOrBeforeT() {
        TradeStream tape = Tapes.drawn(SyntheticProcess.typical(30_000), START, 9, 3_000);
        long cut = START + 1501;
        TradeStream perturbed = perturbAfter(tape, cut * 1000);
        List<Recording.Row> original = run(tape);
        List<Recording.Row> changed = run(perturbed);
        int compared = 0;
        boolean laterDiffers = false;
        for (int i = 0; i < original.size(); i++) {
            Recording.Row row = original.get(i);
            if (row.second() <= cut) {
                assertArrayEquals(row.values(), changed.get(i).values(), row.asset() + " at " + row.second() + " (cut " + cut + ")");
                compared++;
            } else if (row.asset() == 0 && !java.util.Arrays.equals(row.values(), changed.get(i).values())) {
                laterDiffers = true;
            }
        }
        assertTrue(compared > 1000, "compared " + compared + " rows");
        assertTrue(laterDiffers, "the perturbation must show after the cut, or this test proves nothing");
    }

    private static List<Recording.Row> run(TradeStream btc) {
        SimulatorConfig config = SimulatorConfig.of(List.of(Underlying.recorded("btc", btc),
                Underlying.synthetic("sol", SyntheticProcess.typical(100))), 3, 3).withTickSeconds(2);
        return Recording.of(config, 5).rows;
    }

    /** The same trade times, with prices moved 5% and amounts tripled after the cut: every later feature input changes. */
    private static TradeStream perturbAfter(TradeStream tape, long cutMillis) {
        double[] price = tape.price().clone();
        double[] amount = tape.amount().clone();
        for (int i = 0; i < tape.size(); i++) {
            if (tape.time()[i] > cutMillis) {
                price[i] *= 1.05 + 0.01 * (i % 3);
                amount[i] *= 3;
            }
        }
        return new TradeStream(Instrument.spot("SYN/USD"), "perturbed", tape.time(), price, amount);
    }
}
