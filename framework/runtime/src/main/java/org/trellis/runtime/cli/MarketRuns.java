package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.trellis.api.market.Instrument;
import org.trellis.api.risk.RiskGuard;
import org.trellis.ml.spi.MarketRequest;
import org.trellis.ml.spi.MarketResult;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.dsl.MarketPlan;
import org.trellis.runtime.dsl.ScriptException;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.EquityCurve;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * Runs a strategy block on its simulated market (see {@link org.trellis.ml.spi.SimulatedMarket}) and
 * turns what the market reports into a {@link RunResult}, so that it is reported, compared and
 * journaled like any backtest: one price series per instrument, its closed trades, the equity curve.
 */
final class MarketRuns {
    private MarketRuns() {
    }

    static RunResult run(ScriptRuns.Ready ready, PartRegistry registry, TrellisConfig config, RunListener listener, boolean progress,
                         PrintWriter err) {
        MarketPlan plan = ready.plan().market();
        EngineSettings settings = ready.settings();
        List<RiskGuard> guards = ready.plan().guards();
        listener.onGuards(guards);
        MarketRequest request = new MarketRequest(ready.plan().name(), plan.params(), plan.model(), plan.modelParams(), guards,
                settings.capital(), settings.feeBps() / 10_000.0, settings.seed(),
                new HostTrainingContext(config, new PrintWriter(System.out, true), err, registry), listener::onHealth,
                progress ? ConsoleProgress.forTerminal(ready.plan().name())::progress : (done, total) -> { });
        MarketResult result;
        try {
            result = plan.market().run(request);
        } catch (IllegalArgumentException | org.trellis.ml.model.ModelException e) {
            throw new ScriptException(plan.where() + ": " + e.getMessage(), e);
        }
        RunResult run = toRunResult(ready.plan().name(), ready.plan().params(), settings, result);
        run.trades().forEach(listener::onTradeClosed);
        return run;
    }

    static RunResult toRunResult(String strategy, org.trellis.api.plugin.Params params, EngineSettings settings, MarketResult r) {
        List<ColumnarBarSeries> data = new ArrayList<>();
        for (MarketResult.Series s : r.series()) {
            ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot(s.symbol()), "simulated " + s.symbol());
            for (int i = 0; i < s.times().length; i++) {
                double p = s.prices()[i];
                b.add(s.times()[i], p, p, p, p, 0);
            }
            data.add(b.build());
        }
        List<ClosedTrade> trades = new ArrayList<>();
        for (MarketResult.Trade t : r.trades()) {
            trades.add(new ClosedTrade(Instrument.spot(t.symbol()), t.isLong() ? ClosedTrade.Direction.LONG : ClosedTrade.Direction.SHORT,
                    t.entryTime(), t.entryPrice(), t.exitTime(), t.exitPrice(), t.quantity(), t.pnl(), t.fees(), t.entryReason(),
                    t.exitReason()));
        }
        // a market's fills walk its book: the bar engine's slippage setting played no part
        EngineSettings used = new EngineSettings(settings.capital(), settings.feeBps(), 0, settings.fillTiming(), true,
                settings.defaultSize(), settings.maxLeverage(), settings.closeAtEnd(), settings.seed());
        return new RunResult(strategy, params, used, data, trades, EquityCurve.of(r.equityTimes(), r.equity(), r.invested()),
                r.feesPaid(), r.vetoes(), 0, 0, RunMode.BACKTEST.name(), false, r.steps(), r.figures());
    }
}
