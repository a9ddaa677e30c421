package org.trellis.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartKind;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.api.strategy.Strategy;

class PartRegistryTest {

    /** A strategy factory with a configurable name and API version, for registry tests. */
    static class Named implements StrategyFactory {
        private final String name;
        private final String api;

        Named(String name, String api) {
            this.name = name;
            this.api = api;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public String apiVersion() {
            return api;
        }

        @Override
        public Strategy create(Params params) {
            return (context, decision) -> decision.hold();
        }
    }

    static final class OtherNamed extends Named {
        OtherNamed(String name) {
            super(name, "0.1");
        }
    }

    @Test
    void builtInPartsAreDiscovered() {
        PartRegistry r = PartRegistry.discover();
        assertTrue(r.names(PartKind.STRATEGY).contains("sma-cross"));
        assertTrue(r.names(PartKind.FEATURE_SET).containsAll(java.util.List.of("sma", "ema", "rsi")));
        assertTrue(r.names(PartKind.EXECUTOR).contains("simulated"));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void pluginNeedingANewerApiIsSkippedWithAReason() {
        PartRegistry r = PartRegistry.discover();
        r.register(new Named("future", "0.9"));
        r.register(new Named("next-major", "1.0"));
        assertTrue(!r.names(PartKind.STRATEGY).contains("future"));
        assertTrue(!r.names(PartKind.STRATEGY).contains("next-major"));
        assertEquals(2, r.problems().size());
        assertTrue(r.problems().get(0).contains("needs API 0.9"), r.problems().get(0));
    }

    @Test
    void duplicateNamesAreReportedNamingBothClasses() {
        PartRegistry r = PartRegistry.discover();
        r.register(new Named("twin", "0.1"));
        r.register(new OtherNamed("twin"));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains(Named.class.getName()));
        assertTrue(r.problems().get(0).contains(OtherNamed.class.getName()));
    }

    @Test
    void brokenServiceEntryIsReportedAndTheRestStillLoad(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(StrategyFactory.class.getName()), "com.example.DoesNotExist\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            PartRegistry r = PartRegistry.discover(loader);
            assertTrue(r.names(PartKind.STRATEGY).contains("sma-cross"));
            assertTrue(r.problems().stream().anyMatch(p -> p.contains("com.example.DoesNotExist")), r.problems().toString());
        }
    }

    @Test
    void effectiveParamsAreTypedAndDefaulted() {
        PartRegistry r = PartRegistry.discover();
        Params p = r.effectiveParams(PartKind.STRATEGY, "sma-cross", Params.of(Map.of("fast", "5")));
        assertEquals(Map.of("fast", 5, "slow", 30), p.asMap());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.effectiveParams(PartKind.STRATEGY, "sma-cross", Params.of(Map.of("slow", "x"))));
        assertTrue(e.getMessage().contains("'slow' must be an integer"), e.getMessage());
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        UnknownPartException e = assertThrows(UnknownPartException.class,
                () -> PartRegistry.discover().featureSet("rsl", Params.empty()));
        assertTrue(e.getMessage().contains("Did you mean 'rsi'?"), e.getMessage());
        assertTrue(e.getMessage().contains("Known: ema, rsi, sma"), e.getMessage());
    }

    @Test
    void distanceIsLevenshtein() {
        assertEquals(3, Names.distance("kitten", "sitting"));
        assertEquals(0, Names.distance("", ""));
        assertEquals("", Names.suggestion("completely-different", java.util.List.of("sma")));
    }
}
