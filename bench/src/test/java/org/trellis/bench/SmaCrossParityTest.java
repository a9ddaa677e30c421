package org.trellis.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The three contenders of {@link EngineBenchmark} must do the same work: same entries and exits on
 * the same bars. Trellis closes a position still open at the end of the data (at the last close);
 * ta4j leaves it open, so its open position's entry counts and its missing exit is the last bar.
 */
class SmaCrossParityTest {
    private static final int BARS = 20_000;
    private static ColumnarBarSeries bars;
    private static double[] open;
    private static double[] close;
    private static RunResult trellis;
    private static int[] trellisEntries;
    private static int[] trellisExits;

    @BeforeAll
    static void runTrellis() {
        bars = new SyntheticBars(42, EngineBenchmark.BAR_MILLIS, EngineBenchmark.START_MILLIS, EngineBenchmark.START_PRICE)
                .generate(BARS);
        open = new double[BARS];
        close = new double[BARS];
        for (int i = 0; i < BARS; i++) {
            open[i] = bars.open(i);
            close[i] = bars.close(i);
        }
        trellis = new BacktestEngine(PartRegistry.discover(), EngineSettings.defaults()).run("sma-cross",
                Params.of(Map.of("fast", EngineBenchmark.FAST, "slow", EngineBenchmark.SLOW)), List.of(bars), List.of(),
                ProgressListener.NONE);
        List<ClosedTrade> trades = trellis.trades();
        trellisEntries = trades.stream().mapToInt(t -> index(t.entryTime())).toArray();
        trellisExits = trades.stream().mapToInt(t -> index(t.exitTime())).toArray();
    }

    private static int index(long time) {
        return (int) ((time - EngineBenchmark.START_MILLIS) / EngineBenchmark.BAR_MILLIS);
    }

    @Test
    void trellisTradesEnough() {
        assertTrue(trellisEntries.length > 100, "only " + trellisEntries.length + " trades");
    }

    @Test
    void handLoopMakesTheSameTradesAndEquity() {
        EngineSettings s = EngineSettings.defaults();
        int[] entries = new int[BARS];
        int[] exits = new int[BARS];
        SmaCrossHandLoop.Result r = SmaCrossHandLoop.run(open, close, EngineBenchmark.FAST, EngineBenchmark.SLOW,
                s.capital(), s.feeBps(), s.slippageBps(), entries, exits);
        assertEquals(trellisEntries.length, r.trades());
        assertArrayEquals(trellisEntries, Arrays.copyOf(entries, r.trades()));
        assertArrayEquals(trellisExits, Arrays.copyOf(exits, r.trades()));
        assertEquals(trellis.equity().last(), r.finalEquity(), 1e-9 * s.capital());
        assertEquals(trellis.feesPaid(), r.feesPaid(), 1e-9 * s.capital());
        assertEquals(trellis.equity().size(), r.equity().length);
        for (int i = 0; i < BARS; i++) {
            assertEquals(trellis.equity().equity(i), r.equity()[i], 1e-9 * s.capital(), "equity at bar " + i);
        }
    }

    @Test
    void ta4jMakesTheSameTrades() {
        TradingRecord record = Ta4jSmaCross.run(Ta4jSmaCross.toTa4j(bars), EngineBenchmark.FAST, EngineBenchmark.SLOW,
                EngineSettings.defaults().feeBps());
        List<Position> closed = record.getPositions();
        Position open = record.getCurrentPosition();
        int n = closed.size() + (open.isOpened() ? 1 : 0);
        int[] entries = new int[n];
        int[] exits = new int[n];
        for (int i = 0; i < closed.size(); i++) {
            entries[i] = closed.get(i).getEntry().getIndex();
            exits[i] = closed.get(i).getExit().getIndex();
        }
        if (open.isOpened()) {
            entries[n - 1] = open.getEntry().getIndex();
            exits[n - 1] = BARS - 1;
        }
        assertEquals(trellisEntries.length, n);
        assertArrayEquals(trellisEntries, entries);
        assertArrayEquals(trellisExits, exits);
    }
}
