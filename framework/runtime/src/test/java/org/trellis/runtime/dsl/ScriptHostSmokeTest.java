package org.trellis.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.plugin.PartRegistry;

class ScriptHostSmokeTest {
    @Test
    void smoke(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("two.groovy");
        Files.writeString(f, """
                strategy('cross') {
                    data 'btc-usd-1h'
                    model 'sma-cross', fast: 5, slow: 20
                }
                strategy('rsi') {
                    data 'btc-usd-1h'
                    features 'rsi', period: 14
                    rule { f -> f.rsi14 < 30 ? BUY : f.rsi14 > 70 ? SELL : HOLD }
                    costs fee: 0.001, slippage: 0.0005
                    capital 5_000
                }
                """);
        List<StrategySpec> specs = new ScriptHost(PartRegistry.discover(), false).evaluate(f);
        assertEquals(2, specs.size());
    }
}
