package org.trellis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trellis.runtime.engine.RunResult;

/** The DSL benchmark compares like with like: each script pipeline trades exactly as its Java twin. */
class DslParityTest {
    @Test
    void scriptAndJavaPipelinesMakeTheSameTrades() {
        DslBenchmark.Setups s = new DslBenchmark.Setups();
        s.bars = 50_000;
        s.setUp();
        RunResult smaJava = DslBenchmark.run(s, s.smaCrossJava);
        RunResult smaScript = DslBenchmark.run(s, s.smaCrossScript);
        assertTrue(smaJava.trades().size() > 100);
        assertEquals(smaJava.trades(), smaScript.trades());
        RunResult ruleJava = DslBenchmark.run(s, s.trendRuleJava);
        RunResult ruleScript = DslBenchmark.run(s, s.trendRuleScript);
        assertTrue(ruleJava.trades().size() > 100);
        assertEquals(ruleJava.trades().size(), ruleScript.trades().size());
        assertEquals(ruleJava.trades(), ruleScript.trades());
    }
}
