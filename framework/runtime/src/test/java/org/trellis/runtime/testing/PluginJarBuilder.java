package org.trellis.runtime.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.trellis.api.plugin.ApiVersion;

/**
 * Builds a plugin JAR at test time: compiles Java sources against the Trellis API alone (as a
 * third party would), adds resources (descriptor, service lists), and jars the lot.
 */
public final class PluginJarBuilder {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Path> sourceTrees = new ArrayList<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<Path> extraClasspath = new ArrayList<>();

    /** A class's source; {@code className} is fully qualified. */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className.replace('.', '/') + ".java", code);
        return this;
    }

    /** Every .java file under {@code root} (e.g. a project's src/main/java). */
    public PluginJarBuilder sourceTree(Path root) {
        sourceTrees.add(root);
        return this;
    }

    /** Every file under {@code root} as a resource, relative paths kept (e.g. src/main/resources). */
    public PluginJarBuilder resourceTree(Path root, Map<String, String> replacements) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                for (var r : replacements.entrySet()) {
                    text = text.replace(r.getKey(), r.getValue());
                }
                resources.put(root.relativize(f).toString().replace('\\', '/'), text);
            }
        }
        return this;
    }

    public PluginJarBuilder resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    public PluginJarBuilder descriptor(String name, String version, String apiVersion) {
        return resource("META-INF/trellis-plugin.properties",
                "name=" + name + "\nversion=" + version + "\napi-version=" + apiVersion + "\n");
    }

    /** Lists {@code implementations} under META-INF/services/{@code spi}. */
    public PluginJarBuilder service(Class<?> spi, String... implementations) {
        return resource("META-INF/services/" + spi.getName(), String.join("\n", implementations) + "\n");
    }

    /** Compiles against this JAR (or folder) too, e.g. a library the plugin carries in its lib/. */
    public PluginJarBuilder classpath(Path entry) {
        extraClasspath.add(entry);
        return this;
    }

    /** Writes the JAR and returns its path. */
    public Path writeTo(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-build");
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f);
        }
        for (Path tree : sourceTrees) {
            try (Stream<Path> walk = Files.walk(tree)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        if (!files.isEmpty()) {
            compile(files, classes);
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            for (var r : resources.entrySet()) {
                put(out, r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private void compile(List<Path> files, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> cp = new ArrayList<>();
        cp.add(apiLocation().toString());
        extraClasspath.forEach(p -> cp.add(p.toString()));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", String.join(java.io.File.pathSeparator, cp),
                "-d", classes.toString(), "-proc:none"));
        files.forEach(f -> args.add(f.toString()));
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, null, new OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("plugin sources do not compile:\n" + errors);
        }
    }

    /** Where the API classes are (its JAR or target/classes): the only thing a plugin compiles against. */
    public static Path apiLocation() {
        try {
            return Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
