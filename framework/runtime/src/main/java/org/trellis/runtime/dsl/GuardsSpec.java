package org.trellis.runtime.dsl;

import java.util.Map;

/**
 * The inside of a {@code guards { ... }} block. The script compiler rewrites each line, e.g.
 * {@code maxDrawdown 0.10} or {@code cooldown bars: 5}, into a {@code guard} call with the name in
 * the plugins' spelling ({@code max-drawdown}); a lone value goes to the guard's first parameter.
 */
public final class GuardsSpec {
    private final StrategySpec strategy;

    GuardsSpec(StrategySpec strategy) {
        this.strategy = strategy;
    }

    @Keyword
    public void guard(Map<String, ?> params, String name) {
        strategy.guard(params, name);
    }

    @Keyword
    public void guard(String name) {
        strategy.guard(name);
    }

    @Keyword
    public void guard(String name, Object firstParam) {
        strategy.guard(name, firstParam);
    }
}
