package org.trellis.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.BarSeries;
import org.trellis.api.plugin.Params;
import org.trellis.ml.spi.StrategyReplay;
import org.trellis.ml.spi.StrategyTrades;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/** The host's strategy replay (what an auditor's meta-labels come from) trades exactly as a backtest does. */
class StrategyReplayTest {
    private final TrellisConfig config = TrellisConfig.defaults();
    private final PartRegistry registry = PartRegistry.discover();
    private final HostTrainingContext context = new HostTrainingContext(config, new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), registry);

    @Test
    void everyTradeOfTheBacktestComesWithItsSignalBarAndFeatures() {
        ColumnarBarSeries bars = BundledData.bars("btc-usd-1m");
        Map<String, Object> params = Map.of("fast", 10, "slow", 30);
        StrategyTrades replay = context.replay(new StrategyReplay("sma-cross", params, bars, 0, 10, 5));
        RunResult backtest = new BacktestEngine(registry, config.engine().withCosts(10, 5)).run("sma-cross", Params.of(params),
                List.of(bars), List.of(), ProgressListener.NONE);

        assertTrue(replay.trades().size() > 50, "a real run");
        assertEquals(backtest.trades().size(), replay.trades().size());
        int fast = replay.features().indexOf("sma10");
        int slow = replay.features().indexOf("sma30");
        assertTrue(fast >= 0 && slow >= 0, "the run's features by name: " + replay.features());
        for (int t = 0; t < replay.trades().size(); t++) {
            StrategyTrades.Trade r = replay.trades().get(t);
            ClosedTrade b = backtest.trades().get(t);
            assertEquals(b.pnl(), r.pnl(), 1e-9);
            assertEquals(b.exitTime(), r.exitTime());
            assertEquals(b.returnOnNotional(), r.returnOnNotional(), 1e-12);
            // decided when the signal bar closed, filled at the next bar's open
            int signal = indexOf(bars, r.signalTime() - bars.barMillis());
            assertEquals(bars.time(signal + 1), b.entryTime());
            assertEquals(1, r.direction(), "long only by default");
            assertEquals(sma(bars, signal, 10), r.features()[fast], 1e-9);
            assertEquals(sma(bars, signal, 30), r.features()[slow], 1e-9);
            assertTrue(r.features()[fast] > r.features()[slow], "sma-cross enters when the fast average is above the slow one");
        }
    }

    /** As in a script, a threshold judges only decisions with a probability: a rule's pass untouched. */
    @Test
    void decisionsWithoutAProbabilityPassAThreshold() {
        ColumnarBarSeries bars = BundledData.bars("btc-usd-1m");
        StrategyTrades all = context.replay(new StrategyReplay("sma-cross", Map.of(), bars, 0, 10, 5));
        StrategyTrades gated = context.replay(new StrategyReplay("sma-cross", Map.of(), bars, 0.9, 10, 5));
        assertEquals(all.trades().size(), gated.trades().size());
        assertTrue(Double.isNaN(all.trades().get(0).probability()));
    }

    @Test
    void theHostGivesTheBundledTradeTapeAndNamesWhatExists() {
        org.trellis.ml.spi.TradeStream tape = context.trades("btc-usd-trades");
        assertEquals(100_000, tape.size());
        assertEquals("BTC/USD", tape.instrument().symbol());
        for (int i = 1; i < tape.size(); i++) {
            assertTrue(tape.time()[i] >= tape.time()[i - 1] && tape.price()[i] > 0 && tape.amount()[i] >= 0);
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> context.trades("btc-usd-1m"));
        assertTrue(e.getMessage().contains("btc-usd-trades"), e.getMessage());
    }

    private static int indexOf(BarSeries bars, long time) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.time(i) == time) {
                return i;
            }
        }
        throw new AssertionError("no bar at " + time);
    }

    private static double sma(BarSeries bars, int end, int n) {
        double sum = 0;
        for (int i = end - n + 1; i <= end; i++) {
            sum += bars.close(i);
        }
        return sum / n;
    }
}
