package org.trellis.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.plugin.PartRegistry;

class ParamOverridesTest {
    private static final String SCRIPT = """
            strategy('s') {
                data     'synthetic:bars=500'
                features 'sma', period: 7
                model    'sma-cross', fast: 10, slow: 30
                capital  2_000
            }
            """;

    private final PartRegistry registry = PartRegistry.discover();

    private StrategySpec spec() {
        return new ScriptHost(registry, false).read(SCRIPT, "s.groovy", "s.groovy").strategies().get(0);
    }

    @Test
    void namesAreTheModelsParametersThenEveryPartsQualified() {
        assertEquals(List.of("fast", "slow", "sma-cross.fast", "sma-cross.slow", "sma.period"), ParamOverrides.names(spec(), registry));
    }

    @Test
    void overridesReplaceOnlyWhatTheyNameAndLeaveTheScriptAsWritten() {
        StrategySpec original = spec();
        StrategySpec changed = ParamOverrides.apply(original, Map.of("fast", 5, "sma.period", 12), registry);
        ScriptPlan plan = ScriptPlan.of(changed, registry, EngineSettings.defaults(), "synthetic");
        assertEquals(Map.of("model", "sma-cross", "fast", 5, "slow", 30), plan.pipeline().params().asMap());
        assertEquals(12, changed.features.get(0).params().get("period"));
        assertEquals(2_000, plan.settings().capital());
        assertEquals(10, original.model.params().get("fast"));
        assertEquals(7, original.features.get(0).params().get("period"));
        StrategySpec qualified = ParamOverrides.apply(original, Map.of("sma-cross.slow", 40), registry);
        assertEquals(40, qualified.model.params().get("slow"));
    }

    @Test
    void anUnknownNameListsTheScriptsParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamOverrides.check(spec(), registry, List.of("fats"), "--grid"));
        assertTrue(e.getMessage().startsWith("--grid fats: strategy 's' has no parameter 'fats'."), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'fast'?"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Its parameters: fast, slow, sma-cross.fast, sma-cross.slow, sma.period"), e.getMessage());
    }
}
