package org.trellis.runtime.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.Sizing;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.Cli.Outcome;

/** Recursive indicators need more history than their period; windowed ones exactly their window. */
class WarmUpCheckTest {

    static Map<String, WarmUpCheck.Result> check(double tolerance) {
        Pipeline p = new Pipeline("w", Params.empty(), () -> (c, d) -> { },
                List.of(FeatureRequest.of("ema", Map.of("period", 20)), FeatureRequest.of("sma", Map.of("period", 20))), 0,
                Sizing.STRATEGY);
        Map<String, WarmUpCheck.Result> out = new java.util.LinkedHashMap<>();
        for (WarmUpCheck.Result r : new WarmUpCheck(PartRegistry.discover(), tolerance).check(p, BundledData.bars("btc-usd-1m"))) {
            out.put(r.feature(), r);
        }
        return out;
    }

    @Test
    void anEmaNeedsMoreHistoryThanItsPeriodAndAnSmaExactlyItsWindow() {
        Map<String, WarmUpCheck.Result> r = check(1e-4);
        WarmUpCheck.Result ema = r.get("ema20 (ema)");
        WarmUpCheck.Result sma = r.get("sma20 (sma)");
        assertTrue(ema.recommended() > ema.declared() && !ema.declaredIsEnough(), ema.toString());
        assertTrue(ema.errors().get(20) > ema.errors().get(200), "the error shrinks with history: " + ema.errors());
        assertEquals(sma.declared(), sma.recommended(), sma.toString());
        assertTrue(check(1e-2).get("ema20 (ema)").recommended() < ema.recommended(), "a looser tolerance needs less history");
    }

    @Test
    void theCommandReportsEachFeature(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("w.groovy"), """
                strategy('w') {
                    data 'btc-usd-1h'
                    features 'ema', period: 10
                    rule { f -> f.close > f.ema10 ? BUY : SELL }
                }
                """);
        Outcome o = trellis("check", "warmup", script.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("ema10 (ema)") && o.out().contains("declared   10") && o.out().contains("LONGER"), o.out());
    }
}
