package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.plugin.Params;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

class ReturnExitGuardTest {

    static ForceClose onBar(RiskGuard guard, boolean open, double unrealizedReturn) {
        StrategyContext context = mock(StrategyContext.class);
        PositionView position = mock(PositionView.class);
        when(position.isOpen()).thenReturn(open);
        when(position.unrealizedReturn()).thenReturn(unrealizedReturn);
        when(context.position()).thenReturn(position);
        ForceClose close = new ForceClose();
        guard.onBar(context, close);
        return close;
    }

    @Test
    void stopLossClosesAtTheLevelAndBelowOnly() {
        RiskGuard guard = ReturnExitGuard.stopLoss(0.35);
        assertFalse(onBar(guard, true, -0.3499).requested());
        ForceClose at = onBar(guard, true, -0.35);
        assertTrue(at.requested());
        assertEquals("stop-loss", at.reason());
        assertTrue(onBar(guard, true, -0.9).requested());
        assertFalse(onBar(guard, true, 0.5).requested());
        assertFalse(onBar(guard, false, -0.9).requested(), "nothing to close when flat");
    }

    @Test
    void takeProfitClosesAtTheLevelAndAboveOnly() {
        RiskGuard guard = ReturnExitGuard.takeProfit(0.75);
        assertFalse(onBar(guard, true, 0.7499).requested());
        ForceClose at = onBar(guard, true, 0.75);
        assertTrue(at.requested());
        assertEquals("take-profit", at.reason());
        assertFalse(onBar(guard, true, -0.75).requested());
    }

    @Test
    void levelsMustBePositiveFractions() {
        assertThrows(IllegalArgumentException.class, () -> ReturnExitGuard.stopLoss(0));
        assertThrows(IllegalArgumentException.class, () -> ReturnExitGuard.takeProfit(-0.1));
        assertThrows(IllegalArgumentException.class, () -> ReturnExitGuard.stopLoss(Double.NaN));
    }

    @Test
    void inABacktestEveryStopLossExitFollowsACloseAtOrBeyondTheLevel() {
        PartRegistry registry = PartRegistry.discover();
        var bars = BundledData.bars("btc-usd-1m");
        Params smaCross = Params.of(Map.of("fast", 10, "slow", 30));
        BacktestEngine engine = new BacktestEngine(registry, EngineSettings.defaults());
        RunResult plain = engine.run("sma-cross", smaCross, List.of(bars), List.of(), ProgressListener.NONE);
        RunResult stopped = engine.run("sma-cross", smaCross, List.of(bars),
                List.of(registry.riskGuard("stop-loss", Params.of(Map.of("pct", 0.003)))), ProgressListener.NONE);
        assertTrue(plain.trades().stream().noneMatch(t -> t.exitReason().equals("stop-loss")));
        var stops = stopped.trades().stream().filter(t -> t.exitReason().equals("stop-loss")).toList();
        assertFalse(stops.isEmpty(), "a 0.3% stop fires on BTC minute bars");
        for (var t : stops) {
            // ordered at the close of the bar before the exit fill, where the return had reached -0.3%
            int signalBar = indexOf(bars, t.exitTime()) - 1;
            double markReturn = (bars.close(signalBar) - t.entryPrice()) / t.entryPrice();
            assertTrue(markReturn <= -0.003, "stop at " + t.exitTime() + " after a return of " + markReturn);
        }
    }

    private static int indexOf(org.trellis.runtime.data.ColumnarBarSeries bars, long time) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.time(i) == time) {
                return i;
            }
        }
        throw new AssertionError("no bar at " + time);
    }
}
