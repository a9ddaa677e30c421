package org.trellis.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartKind;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.plugin.StrategyFactory;
import org.trellis.runtime.testing.PluginJarBuilder;
import org.trellis.runtime.testing.Cli.Outcome;

/** Plugins dropped into a folder: built here at test time from sources, as a third party would build them. */
class PluginFolderTest {
    static final Path EXAMPLE = Path.of("../../examples/third-party-plugin").toAbsolutePath().normalize();

    /** The example third-party plugin (examples/third-party-plugin), compiled from its sources. */
    static Path examplePlugin(Path jar) throws Exception {
        return new PluginJarBuilder()
                .sourceTree(EXAMPLE.resolve("src/main/java"))
                .resourceTree(EXAMPLE.resolve("src/main/resources"), Map.of("${project.version}", "1.0.0"))
                .writeTo(jar);
    }

    /** A plugin with one strategy factory whose code is given. */
    static Path strategyPlugin(Path jar, String pluginName, String api, String factoryBody) throws Exception {
        String cls = "test." + pluginName.replace('-', '_') + ".Factory";
        return new PluginJarBuilder()
                .source(cls, "package test." + pluginName.replace('-', '_') + ";\n"
                        + "import org.trellis.api.plugin.*; import org.trellis.api.strategy.*;\n"
                        + "public class Factory implements StrategyFactory {\n" + factoryBody + "\n}\n")
                .service(StrategyFactory.class, cls)
                .descriptor(pluginName, "2.0.0", api)
                .writeTo(jar);
    }

    static String strategyNamed(String name, String apiExpression) {
        return "public String name() { return \"" + name + "\"; }\n"
                + "public String description() { return \"test\"; }\n"
                + "public String apiVersion() { return " + apiExpression + "; }\n"
                + "public Strategy create(Params p) { return (c, d) -> d.hold(); }";
    }

    @Test
    void aDroppedInPluginsStrategyFeatureSetAndGuardRunInABacktest(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        examplePlugin(plugins.resolve("acme-momentum.jar"));
        Path free = dir.resolve("free.json");
        Path capped = dir.resolve("capped.json");
        Outcome a = trellis("backtest", "--plugins", plugins.toString(), "--strategy", "momentum-flip", "--param", "period=5",
                "--data", "btc-usd-1m", "--quiet", "--report-json", free.toString());
        assertEquals(0, a.code(), a.err());
        Outcome b = trellis("backtest", "--plugins", plugins.toString(), "--strategy", "momentum-flip", "--param", "period=5",
                "--guard", "max-entries:limit=3", "--data", "btc-usd-1m", "--quiet", "--report-json", capped.toString());
        assertEquals(0, b.code(), b.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode unguarded = json.readTree(free.toFile());
        JsonNode guarded = json.readTree(capped.toFile());
        assertTrue(unguarded.at("/performance/trades").asInt() > 3, "the plugin's strategy trades on its own feature");
        assertEquals(3, guarded.at("/performance/trades").asInt(), "the plugin's guard caps the entries");
        assertTrue(guarded.at("/vetoes/max-entries").asInt() > 0, guarded.at("/vetoes").toString());
    }

    @Test
    void partsAreListedWithTheirPluginVersionJarAndApi(@TempDir Path dir) throws Exception {
        examplePlugin(dir.resolve("acme-momentum.jar"));
        Outcome o = trellis("plugins", "--plugins", dir.toString(), "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode doc = new ObjectMapper().readTree(o.out());
        assertEquals(ApiVersion.CURRENT, doc.get("api").asText());
        JsonNode flip = null;
        for (JsonNode row : doc.get("parts")) {
            if (row.get("name").asText().equals("momentum-flip")) {
                flip = row;
            }
        }
        assertTrue(flip != null, o.out());
        assertEquals("strategy", flip.get("kind").asText());
        assertEquals("acme-momentum", flip.get("plugin").asText());
        assertEquals("1.0.0", flip.get("version").asText());
        assertTrue(flip.get("location").asText().endsWith("acme-momentum.jar"), flip.toString());
        assertEquals(ApiVersion.CURRENT, flip.get("apiVersion").asText());
        assertEquals("loaded", flip.get("status").asText());

        Outcome table = trellis("plugins", "--plugins", dir.toString());
        assertEquals(0, table.code(), table.err());
        for (String expected : List.of("KIND", "feature set", "momentum", "risk guard", "max-entries", "sma-cross",
                "trellis (built in)", "acme-momentum.jar")) {
            assertTrue(table.out().contains(expected), "listing lacks " + expected + ":\n" + table.out());
        }
    }

    @Test
    void brokenPluginsAreReportedAndSkippedWhileTheOthersLoad(@TempDir Path dir) throws Exception {
        examplePlugin(dir.resolve("acme-momentum.jar"));
        Files.write(dir.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
        new PluginJarBuilder().source("x.Lonely", "package x; public class Lonely {}").writeTo(dir.resolve("no-descriptor.jar"));
        new PluginJarBuilder().descriptor("ghost", "1.0", ApiVersion.CURRENT)
                .service(StrategyFactory.class, "com.example.DoesNotExist").writeTo(dir.resolve("missing-class.jar"));
        strategyPlugin(dir.resolve("throws.jar"), "throws-on-load", ApiVersion.CURRENT,
                "public Factory() { throw new IllegalStateException(\"licence server unreachable\"); }\n"
                        + strategyNamed("never", "ApiVersion.CURRENT"));
        strategyPlugin(dir.resolve("throws-on-create.jar"), "throws-on-create", ApiVersion.CURRENT,
                strategyNamed("fragile", "ApiVersion.CURRENT").replace("return (c, d) -> d.hold();",
                        "throw new IllegalStateException(\"model file missing\");"));
        new PluginJarBuilder().resource("META-INF/trellis-plugin.properties", "name=Bad Name!\nversion=1\napi-version=0.1\n")
                .writeTo(dir.resolve("bad-descriptor.jar"));

        try (PartRegistry registry = PartRegistry.discover(new PluginFolder(dir))) {
            assertTrue(registry.names(PartKind.STRATEGY).containsAll(List.of("momentum-flip", "sma-cross", "fragile")));
            String problems = String.join("\n", registry.problems());
            assertTrue(problems.contains("corrupt.jar: not a readable JAR"), problems);
            assertTrue(problems.contains("no-descriptor.jar: not a Trellis plugin"), problems);
            assertTrue(problems.contains("missing-class.jar") && problems.contains("com.example.DoesNotExist"), problems);
            assertTrue(problems.contains("throws.jar") && problems.contains("licence server unreachable"), problems);
            assertTrue(problems.contains("bad-descriptor.jar") && problems.contains("name 'Bad Name!'"), problems);
            PluginException failed = assertThrows(PluginException.class, () -> registry.strategy("fragile", Params.empty()));
            assertTrue(failed.getMessage().contains("throws-on-create.jar") && failed.getMessage().contains("model file missing"),
                    failed.getMessage());
            assertTrue(registry.strategy("momentum-flip", Params.empty()) != null);
        }
        Outcome listing = trellis("plugins", "--plugins", dir.toString());
        assertEquals(3, listing.code(), "a listing with problems exits 3 so scripts notice");
        assertTrue(listing.out().contains("not loaded: not a readable JAR"), listing.out());
    }

    @Test
    void aPluginBuiltForANewerApiIsRefusedWithTheVersionsNamed(@TempDir Path dir) throws Exception {
        int minor = ApiVersion.MINOR + 1;
        strategyPlugin(dir.resolve("newer-minor.jar"), "newer-minor", ApiVersion.MAJOR + "." + minor,
                strategyNamed("from-the-future", "\"" + ApiVersion.MAJOR + "." + minor + "\""));
        strategyPlugin(dir.resolve("next-major.jar"), "next-major", (ApiVersion.MAJOR + 1) + ".0",
                strategyNamed("next-major", "\"" + (ApiVersion.MAJOR + 1) + ".0\""));
        // the descriptor claims the current API but the code was built for a newer one: refused part by part
        strategyPlugin(dir.resolve("lying.jar"), "lying", ApiVersion.CURRENT,
                strategyNamed("lying", "\"" + ApiVersion.MAJOR + "." + minor + "\""));
        try (PartRegistry registry = PartRegistry.discover(new PluginFolder(dir))) {
            assertFalse(registry.names(PartKind.STRATEGY).contains("from-the-future"));
            assertFalse(registry.names(PartKind.STRATEGY).contains("next-major"));
            assertFalse(registry.names(PartKind.STRATEGY).contains("lying"));
            String problems = String.join("\n", registry.problems());
            assertTrue(problems.contains("newer-minor.jar: plugin 'newer-minor' 2.0.0 needs Trellis API " + ApiVersion.MAJOR + "."
                    + minor + " but this Trellis provides " + ApiVersion.CURRENT), problems);
            assertTrue(problems.contains("next-major.jar") && problems.contains("needs Trellis API " + (ApiVersion.MAJOR + 1) + ".0"),
                    problems);
            assertTrue(problems.contains("lying.jar") && problems.contains("strategy 'lying'"), problems);
            UnknownPartException unknown = assertThrows(UnknownPartException.class,
                    () -> registry.strategy("lying", Params.empty()));
            assertTrue(unknown.getMessage().contains("was not loaded"), unknown.getMessage());
        }
    }

    @Test
    void duplicateNamesAreAnErrorNamingBothJars(@TempDir Path dir) throws Exception {
        strategyPlugin(dir.resolve("alpha.jar"), "alpha", ApiVersion.CURRENT, strategyNamed("twin", "ApiVersion.CURRENT"));
        strategyPlugin(dir.resolve("beta.jar"), "beta", ApiVersion.CURRENT, strategyNamed("twin", "ApiVersion.CURRENT"));
        strategyPlugin(dir.resolve("gamma.jar"), "alpha", ApiVersion.CURRENT, strategyNamed("solo", "ApiVersion.CURRENT"));
        try (PartRegistry registry = PartRegistry.discover(new PluginFolder(dir))) {
            PluginException e = assertThrows(PluginException.class, () -> registry.strategy("twin", Params.empty()));
            assertTrue(e.getMessage().contains("alpha.jar") && e.getMessage().contains("beta.jar"), e.getMessage());
            String problems = String.join("\n", registry.problems());
            assertTrue(problems.contains("gamma.jar: another plugin has the name 'alpha': ") && problems.contains("alpha.jar"),
                    problems);
            assertFalse(registry.names(PartKind.STRATEGY).contains("solo"));
            assertTrue(registry.strategy("sma-cross", Params.of(Map.of("fast", 5, "slow", 20))) != null, "the rest still work");
        }
    }

    @Test
    void pluginsSeeTheApiButNotTrellisInternalsOrItsLibraries(@TempDir Path dir) throws Exception {
        examplePlugin(dir.resolve("acme-momentum.jar"));
        strategyPlugin(dir.resolve("sneaky.jar"), "sneaky", ApiVersion.CURRENT,
                strategyNamed("sneaky", "ApiVersion.CURRENT").replace("return (c, d) -> d.hold();",
                        "try { Class.forName(\"org.trellis.runtime.engine.BacktestEngine\"); return (c, d) -> d.buy(); }"
                                + " catch (ClassNotFoundException e) { throw new IllegalStateException(e.getMessage()); }"));
        try (PartRegistry registry = PartRegistry.discover(new PluginFolder(dir))) {
            ClassLoader pluginLoader = registry.factory(PartKind.STRATEGY, "momentum-flip").getClass().getClassLoader();
            assertTrue(pluginLoader != getClass().getClassLoader(), "a plugin has its own class loader");
            assertEquals(StrategyFactory.class, pluginLoader.loadClass(StrategyFactory.class.getName()), "the API is shared, not copied");
            assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass("org.sqlite.JDBC"));
            assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass(PartRegistry.class.getName()));
            PluginException e = assertThrows(PluginException.class, () -> registry.strategy("sneaky", Params.empty()));
            assertTrue(e.getMessage().contains("plugins see only the JDK and org.trellis.api.*"), e.getMessage());
        }
    }

    @Test
    void aPluginFolderCarriesItsOwnLibrariesInLib(@TempDir Path dir) throws Exception {
        Path build = Files.createDirectories(dir.resolve("build"));
        Path helper = new PluginJarBuilder()
                .source("acme.lib.Signal", "package acme.lib; public final class Signal { public static boolean up(int i) { return i % 7 == 0; } }")
                .writeTo(build.resolve("acme-lib-1.0.jar"));
        Path pluginDir = Files.createDirectories(dir.resolve("plugins/acme-lib-user/lib"));
        Files.copy(helper, pluginDir.resolve("acme-lib-1.0.jar"));
        new PluginJarBuilder()
                .classpath(helper)
                .source("acme.plugin.Factory", "package acme.plugin; import org.trellis.api.plugin.*; import org.trellis.api.strategy.*;\n"
                        + "public class Factory implements StrategyFactory {\n"
                        + strategyNamed("lib-user", "ApiVersion.CURRENT").replace("return (c, d) -> d.hold();",
                        "return (c, d) -> { if (acme.lib.Signal.up(c.barIndex())) d.buy(); };") + "\n}\n")
                .service(StrategyFactory.class, "acme.plugin.Factory")
                .descriptor("acme-lib-user", "1.0.0", ApiVersion.CURRENT)
                .writeTo(dir.resolve("plugins/acme-lib-user/acme-lib-user.jar"));
        // a source module beside it (as under plugins/ in a Trellis checkout) is not a plugin
        Files.createDirectories(dir.resolve("plugins/safety/src/main/java"));
        Files.writeString(dir.resolve("plugins/safety/pom.xml"), "<project/>");
        try (PartRegistry registry = PartRegistry.discover(new PluginFolder(dir.resolve("plugins")))) {
            assertTrue(registry.problems().isEmpty(), registry.problems().toString());
            assertTrue(registry.names(PartKind.STRATEGY).contains("lib-user"));
            Outcome o = trellis("backtest", "--plugins", dir.resolve("plugins").toString(), "--strategy", "lib-user",
                    "--data", "btc-usd-1h", "--quiet");
            assertEquals(0, o.code(), o.err());
        }
    }

    @Test
    void unknownNamesListWhatExistsAndSuggestTheClosest(@TempDir Path dir) throws Exception {
        examplePlugin(dir.resolve("acme-momentum.jar"));
        Outcome o = trellis("backtest", "--plugins", dir.toString(), "--strategy", "momentum-flp", "--data", "btc-usd-1h");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("Did you mean 'momentum-flip'?") && o.err().contains("sma-cross"), o.err());
        Outcome guard = trellis("backtest", "--plugins", dir.toString(), "--strategy", "sma-cross", "--guard", "max-entry",
                "--data", "btc-usd-1h");
        assertEquals(2, guard.code());
        assertTrue(guard.err().contains("no risk guard named 'max-entry'") && guard.err().contains("Did you mean 'max-entries'?"),
                guard.err());
    }

    @Test
    void aMissingPluginsFolderGivenOnTheCommandLineIsAnError(@TempDir Path dir) {
        Outcome o = trellis("plugins", "--plugins", dir.resolve("nope").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--plugins") && o.err().contains("no such folder"), o.err());
    }
}
