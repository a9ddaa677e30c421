package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@code package}: the build has put this plugin at plugins/trellis-safety.jar, and the
 * launcher, whose classpath holds the framework only, loads it from there like a third party's.
 */
class SafetyPluginPackagingIT {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theLauncherLoadsTheSafetyGuardsFromThePluginsFolder() throws Exception {
        Path jar = ROOT.resolve("plugins/trellis-safety.jar");
        assertTrue(Files.isRegularFile(jar), "the build packages the plugin into " + jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.getEntry("META-INF/trellis-plugin.properties") != null);
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("org/trellis/api/")), "the API is not copied in");
        }
        Path out = Files.createTempFile("plugins", ".json");
        ProcessBuilder launcher = new ProcessBuilder(ROOT.resolve("trellis").toString(), "plugins", "--json")
                .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        launcher.environment().put("TRELLIS_NO_BUILD", "1"); // this build has just made what it runs
        Process p = launcher.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "trellis plugins finished");
        assertEquals(0, p.exitValue(), Files.readString(out));
        List<String> safety = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(out.toFile()).get("parts")) {
            if (row.get("plugin").asText().equals("safety")) {
                assertEquals("plugins/trellis-safety.jar", row.get("location").asText());
                safety.add(row.get("name").asText() + " " + row.get("status").asText());
            }
        }
        assertEquals(List.of("max-positions loaded", "stop-loss loaded", "take-profit loaded"), safety);
    }
}
