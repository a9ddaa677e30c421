package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.plugin.PartRegistry;

class PaperModeTest {
    private static final Params PARAMS = Params.of(Map.of("fast", 10, "slow", 30));

    /** A wall clock that only moves when the replay sleeps, so pacing is checked without waiting. */
    static final class FakeWall extends Clock {
        long millis = 1_000_000;
        long slept;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void sleep(long ms) {
            millis += ms;
            slept += ms;
        }
    }

    private static ColumnarBarSeries firstHours() {
        ColumnarBarSeries btc = BundledData.bars("btc-usd-1m");
        return btc.between(btc.time(0), btc.time(0) + 6 * 3_600_000L);
    }

    @Test
    void paperReplayTradesExactlyLikeTheBacktestAndPacesByBarTime() {
        ColumnarBarSeries bars = firstHours();
        BacktestEngine engine = new BacktestEngine(PartRegistry.discover(), EngineSettings.defaults());
        RunResult backtest = engine.run("sma-cross", PARAMS, List.of(bars), List.of(), ProgressListener.NONE);
        FakeWall wall = new FakeWall();
        PaperReplay replay = new PaperReplay(60, wall, wall::sleep);
        RunResult paper = engine.run("sma-cross", PARAMS, List.of(bars), List.of(), ProgressListener.NONE, replay,
                RunListener.NONE);
        assertEquals(backtest.trades(), paper.trades(), "same code path, same trades");
        assertEquals("paper", paper.mode());
        assertFalse(paper.stoppedEarly());
        long span = bars.time(bars.size() - 1) - bars.time(0);
        assertEquals(span / 60, wall.slept, 1, "at 60x, the replay waits one sixtieth of the data's span");
    }

    @Test
    void stopRequestEndsTheRunAndClosesPositionsAsStopped() {
        ColumnarBarSeries bars = firstHours();
        FakeWall wall = new FakeWall();
        PaperReplay replay = new PaperReplay(1e9, wall, wall::sleep);
        List<String> events = new ArrayList<>();
        RunListener stopAfterSecondEntry = new RunListener() {
            int fills;

            @Override
            public void onFill(org.trellis.api.execution.Fill fill) {
                events.add(fill.order().purpose() + " " + fill.order().reason());
                if (++fills == 3) {
                    replay.requestStop();
                }
            }
        };
        RunResult r = new BacktestEngine(PartRegistry.discover(), EngineSettings.defaults())
                .run("sma-cross", PARAMS, List.of(bars), List.of(), ProgressListener.NONE, replay, stopAfterSecondEntry);
        assertTrue(r.stoppedEarly());
        assertTrue(r.barsProcessed() < bars.size());
        assertEquals(2, r.trades().size());
        assertEquals("stopped", r.trades().get(1).exitReason());
        assertEquals("FORCED_EXIT stopped", events.get(events.size() - 1));
    }
}
