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

    /** {@code journal}: the run's journal file (null: none), for whatever the market's host services write. */
    static RunResult run(ScriptRuns.Ready ready, PartRegistry registry, TrellisConfig config, java.nio.file.Path journal,
                         RunListener listener, boolean progress, PrintWriter out, PrintWriter err) {
        MarketPlan plan = ready.plan().market();
        EngineSettings settings = ready.settings();
        List<RiskGuard> guards = ready.plan().guards();
        listener.onGuards(guards);
        MarketRequest.Events events = new MarketRequest.Events() {
            @Override
            public void onTradeClosed(MarketResult.Trade trade) {
                listener.onTradeClosed(closedTrade(trade)); // journaled as it closes: a crash loses nothing closed
            }

            @Override
            public void onVeto(org.trellis.api.risk.OrderIntent intent, String reason) {
                listener.onVeto(intent, reason);
            }
        };
        MarketRequest request = new MarketRequest(ready.plan().name(), plan.params(), plan.model(), plan.modelParams(), guards,
                settings.capital(), settings.feeBps() / 10_000.0, settings.seed(),
                new HostTrainingContext(config, out, err, registry, journal), listener::onHealth,
                progress ? ConsoleProgress.forTerminal(ready.plan().name())::progress : (done, total) -> { }, events);
        MarketResult result;
        try {
            result = plan.market().run(request);
        } catch (org.trellis.ml.model.ModelException e) {
            throw new ScriptException(plan.modelWhere() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ScriptException(plan.where() + ": " + e.getMessage(), e);
        }
        return toRunResult(ready.plan().name(), ready.plan().params(), settings, result);
    }

    private static ClosedTrade closedTrade(MarketResult.Trade t) {
        return new ClosedTrade(Instrument.spot(t.symbol()), t.isLong() ? ClosedTrade.Direction.LONG : ClosedTrade.Direction.SHORT,
                t.entryTime(), t.entryPrice(), t.exitTime(), t.exitPrice(), t.quantity(), t.pnl(), t.fees(), t.entryReason(),
                t.exitReason());
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
            trades.add(closedTrade(t));
        }
        // a market's fills walk its book: the bar engine's slippage setting played no part
        EngineSettings used = new EngineSettings(settings.capital(), settings.feeBps(), 0, settings.fillTiming(), true,
                settings.defaultSize(), settings.maxLeverage(), settings.closeAtEnd(), settings.seed());
        return new RunResult(strategy, params, used, data, trades, EquityCurve.of(r.equityTimes(), r.equity(), r.invested()),
                r.feesPaid(), r.vetoes(), 0, 0, RunMode.BACKTEST.name(), false, r.steps(), r.figures());
    }
}
