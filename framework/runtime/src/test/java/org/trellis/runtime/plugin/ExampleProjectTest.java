package org.trellis.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.runtime.testing.Cli;
import org.trellis.runtime.testing.PluginJarBuilder;

/**
 * examples/third-party-plugin is built the way its README says, with its own {@code mvn package}
 * against the API artifact alone, and the JAR it makes is dropped into a plugins folder and used.
 *
 * <p>Step 1 of that README (the API artifact in the local Maven repository) is done here with
 * {@code install:install-file} from the API's compiled classes, which is what {@code mvn install}
 * of the API module would put there.
 */
class ExampleProjectTest {
    static final String API_VERSION = "0.1.0-SNAPSHOT";

    @Test
    void theExampleProjectBuildsWithItsOwnMavenAndItsJarWorksWhenDroppedIn(@TempDir Path dir) throws Exception {
        String mvn = findMaven();
        assumeTrue(mvn != null, "mvn is not on the PATH");
        Path apiJar = jarFolder(PluginJarBuilder.apiLocation(), dir.resolve("trellis-api.jar"));
        run(dir, mvn, "-B", "-q", "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file",
                "-Dfile=" + apiJar, "-DgroupId=org.trellis", "-DartifactId=trellis-api", "-Dversion=" + API_VERSION,
                "-Dpackaging=jar", "-DgeneratePom=true");

        Path project = copyProject(PluginFolderTest.EXAMPLE, dir.resolve("acme"));
        run(project, mvn, "-B", "-q", "package");
        Path jar = project.resolve("target/acme-momentum-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "mvn package made " + jar);

        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Cli.Outcome listing = Cli.trellis("plugins", "--plugins", plugins.toString(), "--json");
        assertEquals(0, listing.code(), listing.err() + listing.out());
        JsonNode parts = new ObjectMapper().readTree(listing.out()).get("parts");
        List<String> fromPlugin = new ArrayList<>();
        for (JsonNode row : parts) {
            if (row.get("plugin").asText().equals("acme-momentum")) {
                fromPlugin.add(row.get("kind").asText() + " " + row.get("name").asText() + " " + row.get("version").asText()
                        + " " + row.get("apiVersion").asText() + " " + row.get("status").asText());
            }
        }
        String api = ApiVersion.CURRENT;
        assertEquals(List.of("feature set momentum 1.0.0 " + api + " loaded", "strategy momentum-flip 1.0.0 " + api + " loaded",
                "risk guard max-entries 1.0.0 " + api + " loaded"), fromPlugin);

        Path report = dir.resolve("r.json");
        Cli.Outcome run = Cli.trellis("backtest", "--plugins", plugins.toString(),
                "--strategy", "momentum-flip", "--param", "period=5", "--guard", "max-entries:limit=2",
                "--data", "btc-usd-1m", "--quiet", "--report-json", report.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertEquals(2, r.at("/performance/trades").asInt());
        assertTrue(r.at("/vetoes/max-entries").asInt() > 0);
    }

    private static String findMaven() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, "mvn"))) {
                return Path.of(p, "mvn").toString();
            }
        }
        return null;
    }

    private static void run(Path workDir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("mvn", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 5 minutes:\n" + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + Files.readString(log));
    }

    private static Path copyProject(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = from.relativize(f);
                if (rel.startsWith("target")) {
                    continue;
                }
                Files.createDirectories(to.resolve(rel).getParent());
                Files.copy(f, to.resolve(rel));
            }
        }
        return to;
    }

    /** The API's compiled classes as a JAR (under Maven's test phase no JAR of it exists yet). */
    private static Path jarFolder(Path classes, Path jar) throws IOException {
        if (Files.isRegularFile(classes)) {
            return Files.copy(classes, jar);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }
}
