package org.trellis.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.dsl.DslFixtures.backtest;
import static org.trellis.runtime.dsl.DslFixtures.plans;
import static org.trellis.runtime.dsl.DslFixtures.script;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginFolder;

/** Every kind of script mistake names the file, line (and column where the compiler knows it) and the fix. */
class DslErrorsTest {
    final PartRegistry registry = DslFixtures.registry();
    @TempDir
    Path dir;

    String error(String text) throws Exception {
        Path file = script(dir, "bad.groovy", text);
        ScriptException e = assertThrows(ScriptException.class, () -> plans(registry, file));
        return e.getMessage();
    }

    String at(int line, int column) {
        return PluginFolder.display(dir.resolve("bad.groovy")) + ":" + line + (column > 0 ? ":" + column : "") + ": ";
    }

    void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected «" + p + "» in:\n" + message);
        }
    }

    @Test
    void unknownKeywordInAStrategyBlockSuggestsTheClosest() throws Exception {
        assertContains(error("strategy('a') {\n    modle 'sma-cross'\n}\n"),
                at(2, 5) + "unknown keyword 'modle' in a strategy block. Did you mean 'model'?", "Keywords here: ");
    }

    @Test
    void unknownKeywordAtTheTopAndInAGuardsBlock() throws Exception {
        assertContains(error("strateg('a') { model 'sma-cross' }\n"),
                at(1, 1) + "unknown keyword 'strateg' at the top of the script. Did you mean 'strategy'?");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n  guards { guard 'veto-entries'; gaurd 'veto-entries' }\n}\n"),
                at(3, 34) + "no risk guard named 'gaurd'.");
    }

    @Test
    void unknownPartSuggestsTheClosestAndListsTheKnownOnes() throws Exception {
        assertContains(error("strategy('a') {\n  model 'sma-crss'\n}\n"),
                at(2, 9) + "no strategy named 'sma-crss'. Did you mean 'sma-cross'?", "Known: prob, sma-cross");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n  features 'rsx', period: 3\n}\n"),
                at(3, 12) + "no feature set named 'rsx'. Did you mean 'rsi'?");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n  regime 'veto-entrys'\n}\n"),
                at(3, 10) + "no risk guard named 'veto-entrys'. Did you mean 'veto-entries'?");
    }

    @Test
    void unknownParameterSuggestsTheClosestAndListsWhatThePartTakes() throws Exception {
        assertContains(error("strategy('a') {\n  model 'sma-cross', fats: 10\n}\n"),
                at(2, 22) + "unknown parameter 'fats' for strategy 'sma-cross'. Did you mean 'fast'? It takes: fast, slow");
    }

    @Test
    void wrongTypeOrOutOfRangeSaysWhichParameterAndWhatItExpects() throws Exception {
        assertContains(error("strategy('a') {\n  model 'sma-cross', fast: 'ten'\n}\n"),
                at(2, 3) + "strategy 'sma-cross': parameter 'fast' must be an integer, got 'ten'");
        assertContains(error("strategy('a') {\n  model 'sma-cross', fast: 0\n}\n"),
                at(2, 3) + "strategy 'sma-cross': parameter 'fast' must be >= 1, got 0");
        assertContains(error("strategy('a') {\n  model 'prob', 'buy-p': 1.5\n}\n"), "parameter 'buy-p' must be <= 1 and >= 0, got 1.5");
        // a value computed at run time is checked when the script runs, still naming its line
        assertContains(error("int f = 1 - 1\nstrategy('a') {\n  model 'sma-cross', fast: f\n}\n"),
                at(3, 0) + "strategy 'sma-cross': parameter 'fast' must be >= 1, got 0");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n  threshold 1.5\n}\n"),
                at(3, 0) + "threshold is a probability in [0, 1], got 1.5");
    }

    @Test
    void aRuleReadingAnUnknownFeatureSuggestsTheClosest() throws Exception {
        Path file = script(dir, "bad.groovy", "strategy('a') {\n  features 'rsi', period: 14\n  rule { f -> f.rsi41 < 30 ? BUY : HOLD }\n}\n");
        ScriptPlan plan = plans(registry, file).get(0);
        ScriptException e = assertThrows(ScriptException.class, () -> backtest(registry, plan));
        assertContains(e.getMessage(), at(3, 0) + "the rule reads 'rsi41', which is not a feature of this strategy. Did you mean 'rsi14'?");
    }

    @Test
    void anExceptionInsideARuleNamesTheScriptLineAndTheBarTime() throws Exception {
        Path file = script(dir, "bad.groovy", """
                strategy('a') {
                    data 'btc-usd-1h'
                    rule { f -> Integer.parseInt(f.close > 1000 ? 'x' : '1') > 0 ? HOLD : BUY }
                }
                """);
        ScriptPlan plan = plans(registry, file).get(0);
        ScriptException e = assertThrows(ScriptException.class, () -> backtest(registry, plan));
        assertContains(e.getMessage(), at(3, 0) + "the rule failed on the bar of 2013-11-", "NumberFormatException");
    }

    @Test
    void unknownNamesInRulesAndSyntaxErrors() throws Exception {
        assertContains(error("strategy('a') {\n  rule { f -> BYU }\n}\n"), at(2, 15) + "unknown name 'BYU'. Did you mean 'BUY'?");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n"), at(3, 1));
    }

    @Test
    void structuralMistakes() throws Exception {
        assertContains(error("strategy('a') {\n  data 'btc-usd-1h'\n}\n"),
                at(1, 0) + "strategy 'a' has neither a model nor a rule");
        assertContains(error("strategy('a') { model 'sma-cross' }\nstrategy('a') { model 'prob' }\n"),
                at(2, 0) + "a second strategy named 'a' (the first is at ");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n  rule { f -> BUY }\n}\n"),
                at(3, 0) + "strategy 'a' has a model already");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n  capital 1\n  capital 2\n}\n"),
                at(4, 0) + "'capital' is given twice in strategy 'a' (first at ");
        assertContains(error("strategy('a') {\n  model 'sma-cross'\n  costs fee: 0.001, slipage: 0.001\n}\n"),
                at(3, 0) + "costs takes fee and slippage", "Did you mean 'slippage'?");
        assertContains(error("println 'no strategies here'\n"), "declares no strategy");
    }
}
