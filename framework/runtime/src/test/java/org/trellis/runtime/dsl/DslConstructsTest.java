package org.trellis.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.dsl.DslFixtures.backtest;
import static org.trellis.runtime.dsl.DslFixtures.plans;
import static org.trellis.runtime.dsl.DslFixtures.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.plugin.Params;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;
import org.trellis.api.strategy.Strategy;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.engine.Sizing;
import org.trellis.runtime.execution.FillTiming;
import org.trellis.runtime.plugin.PartRegistry;

/** Each keyword of the DSL, checked by what the run does. */
class DslConstructsTest {
    final PartRegistry registry = DslFixtures.registry();

    @Test
    void aModelComposedInAScriptTradesExactlyAsTheJavaApi(@TempDir Path dir) throws Exception {
        ScriptPlan plan = plans(registry, script(dir, "cross.groovy", """
                strategy('cross') {
                    data  'btc-usd-1m'
                    model 'sma-cross', fast: 7, slow: 25
                }
                """)).get(0);
        RunResult scripted = backtest(registry, plan);
        RunResult java = new BacktestEngine(registry, EngineSettings.defaults()).run("sma-cross",
                Params.of(Map.of("fast", 7, "slow", 25)), List.of(BundledData.bars("btc-usd-1m")), List.of(), ProgressListener.NONE);
        assertTrue(java.trades().size() > 20);
        assertEquals(java.trades(), scripted.trades());
        assertEquals("cross", scripted.strategy());
        assertEquals(Map.of("model", "sma-cross", "fast", 7, "slow", 25), scripted.params().asMap());
    }

    /** The rule of the script, written again in Java: the two must trade alike. */
    static final class RsiRuleInJava implements Strategy {
        private int rsi;

        @Override
        public List<FeatureRequest> requiredFeatures() {
            return List.of(FeatureRequest.of("rsi", Map.of("period", 14)));
        }

        @Override
        public void bind(FeatureSchema schema) {
            rsi = schema.indexOf("rsi14");
        }

        @Override
        public void decide(StrategyContext c, Decision d) {
            double v = c.features().get(rsi);
            if (v < 35 && c.bar().close() > c.bar().open()) {
                d.set(Side.BUY, Double.NaN, Double.NaN).because("rule");
            } else if (v > 60) {
                d.set(Side.SELL, Double.NaN, Double.NaN).because("rule");
            }
        }
    }

    @Test
    void aRuleReadsFeaturesAndBarFieldsByNameAndTradesAsTheSameLogicInJava(@TempDir Path dir) throws Exception {
        ScriptPlan plan = plans(registry, script(dir, "rsi.groovy", """
                strategy('rsi') {
                    data     'btc-usd-1m'
                    features 'rsi', period: 14
                    rule { f -> f.rsi14 < 35 && f.close > f.open ? BUY : f.rsi14 > 60 ? SELL : HOLD }
                }
                """)).get(0);
        RunResult scripted = backtest(registry, plan);
        Pipeline java = new Pipeline("rsi", Params.empty(), RsiRuleInJava::new, List.of(), 0, Sizing.STRATEGY);
        RunResult expected = new BacktestEngine(registry, EngineSettings.defaults()).run(java,
                List.of(BundledData.bars("btc-usd-1m")), List.of(), ProgressListener.NONE, RunMode.BACKTEST, RunListener.NONE);
        assertTrue(expected.trades().size() > 10, "the rule trades: " + expected.trades().size());
        assertEquals(expected.trades(), scripted.trades());
    }

    @Test
    void thresholdIgnoresDecisionsBelowItAndCountsThem(@TempDir Path dir) throws Exception {
        List<ScriptPlan> plans = plans(registry, script(dir, "t.groovy", """
                strategy('all')   { model 'prob', 'buy-p': 0.6, 'sell-p': 0.9 }
                strategy('sure')  { model 'prob', 'buy-p': 0.6, 'sell-p': 0.9; threshold 0.75 }
                strategy('sure2') { model 'prob', 'buy-p': 0.8, 'sell-p': 0.9; threshold 0.75 }
                """));
        RunResult all = backtest(registry, plans.get(0));
        RunResult sure = backtest(registry, plans.get(1));
        RunResult sure2 = backtest(registry, plans.get(2));
        assertTrue(all.trades().size() > 5);
        assertEquals(0, sure.trades().size(), "every buy has p = 0.6 < 0.75");
        assertTrue(sure.vetoes().get(Pipeline.BELOW_THRESHOLD) > 0, sure.vetoes().toString());
        assertEquals(all.trades().size(), sure2.trades().size(), "p = 0.8 passes");
        assertEquals(0.75, plans.get(1).pipeline().threshold());
    }

    @Test
    void confidenceSizingPutsTheDocumentedFractionOfEquityIn(@TempDir Path dir) throws Exception {
        ScriptPlan plan = plans(registry, script(dir, "s.groovy", """
                strategy('sized') {
                    model  'prob', 'buy-p': 0.8
                    sizing confidence()
                    costs  fee: 0, slippage: 0
                    fill   'signal-close'
                }
                """)).get(0);
        RunResult r = backtest(registry, plan);
        ClosedTrade first = r.trades().get(0);
        double expectedFraction = 0.25 + 0.75 * Math.abs(0.8 - 0.5) * 2; // 0.7
        assertEquals(expectedFraction * 10_000, first.quantity() * first.entryPrice(), 1e-6);
        assertEquals("confidence(0.25)", plan.pipeline().sizing().describe());
    }

    @Test
    void guardsRegimeAndAuditorBecomeGuardsInTheOrderWritten(@TempDir Path dir) throws Exception {
        List<ScriptPlan> plans = plans(registry, script(dir, "g.groovy", """
                strategy('guarded') {
                    model   'prob'
                    regime  'veto-entries', allow: 3
                    guards {
                        vetoEntries 5
                    }
                    auditor 'veto-entries', allow: 100
                }
                strategy('free') { model 'prob' }
                """));
        assertEquals(3, plans.get(0).guards().size());
        RunResult guarded = backtest(registry, plans.get(0));
        RunResult free = backtest(registry, plans.get(1));
        assertEquals(3, guarded.trades().size(), "the regime filter lets 3 entries through");
        assertTrue(guarded.vetoes().get("veto-entries") > 0);
        assertTrue(free.trades().size() > 3);
    }

    @Test
    void costsCapitalFillShortsAndLeverageAreTheStrategysOwn(@TempDir Path dir) throws Exception {
        List<ScriptPlan> plans = plans(registry, script(dir, "c.groovy", """
                strategy('custom') {
                    model       'sma-cross'
                    costs       fee: 0.002, slippage: 0.0001
                    capital     2_500
                    fill        'signal-close'
                    allowShort  true
                    maxLeverage 2
                    data        'btc-usd-1h', 'eth-usd-5m'
                }
                strategy('plain') { model 'sma-cross' }
                """));
        EngineSettings s = plans.get(0).settings();
        assertEquals(20, s.feeBps(), 1e-9);
        assertEquals(1, s.slippageBps(), 1e-9);
        assertEquals(2_500, s.capital());
        assertEquals(FillTiming.SIGNAL_CLOSE, s.fillTiming());
        assertTrue(s.allowShort());
        assertEquals(2, s.maxLeverage());
        assertEquals(List.of("btc-usd-1h", "eth-usd-5m"), plans.get(0).data());
        assertEquals(EngineSettings.defaults(), plans.get(1).settings(), "a strategy that says nothing keeps the defaults");
        assertEquals(List.of("btc-usd-1h"), plans.get(1).data(), "and the default data");
    }

    @Test
    void twoStrategiesInOneScriptKeepSeparateBooks(@TempDir Path dir) throws Exception {
        List<ScriptPlan> together = plans(registry, script(dir, "both.groovy", """
                strategy('churn') {
                    data    'btc-usd-1m'
                    rule    { f -> f.position == 0 ? BUY : SELL }
                    costs   fee: 0.01, slippage: 0.01
                    capital 1_000
                }
                strategy('steady') {
                    data    'btc-usd-1m'
                    model   'sma-cross', fast: 10, slow: 30
                    capital 9_000
                }
                """));
        List<ScriptPlan> alone = plans(registry, script(dir, "steady.groovy", """
                strategy('steady') {
                    data    'btc-usd-1m'
                    model   'sma-cross', fast: 10, slow: 30
                    capital 9_000
                }
                """));
        RunResult churn = backtest(registry, together.get(0));
        RunResult steady = backtest(registry, together.get(1));
        RunResult steadyAlone = backtest(registry, alone.get(0));
        assertTrue(churn.equity().last() < 100, "the churning strategy loses nearly all its own capital: " + churn.equity().last());
        assertEquals(steadyAlone.trades(), steady.trades(), "the other strategy trades as if it ran alone");
        assertEquals(steadyAlone.equity().last(), steady.equity().last());
        assertEquals(9_000, steady.settings().capital());
    }
}
