package org.trellis.runtime.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.api.plugin.ApiVersion;

/**
 * The plugins folder: each {@code *.jar} in it is a plugin, and so is each sub-folder holding the
 * plugin's JAR(s) at its top and its private libraries in {@code lib/}. Folders with no JAR at their
 * top (e.g. the source modules under {@code plugins/} in a Trellis checkout) are not plugins.
 *
 * <p>Each plugin gets its own class loader, whose parent ({@link SharedClassLoader}) shows it the
 * JDK, the Trellis API and the shared runtimes only. Plugins load in file-name order, so a run is
 * the same on every machine.
 */
public final class PluginFolder {
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);
    /**
     * Packages every plugin shares with Trellis (one copy for all): the API, logging, the ML runtimes, and
     * Jackson, which trellis-ml's own API exposes ({@code ModelDirectory.json()}, model.json) and model files parse with.
     */
    public static final List<String> DEFAULT_SHARED = List.of("org.trellis.api", "org.trellis.ml", "org.slf4j", "picocli", "ai.djl", "ml.dmlc.xgboost4j",
            "com.fasterxml.jackson");

    private final Path dir;
    private final List<String> sharedPackages;

    public PluginFolder(Path dir, List<String> sharedPackages) {
        this.dir = dir;
        this.sharedPackages = List.copyOf(sharedPackages);
    }

    public PluginFolder(Path dir) {
        this(dir, DEFAULT_SHARED);
    }

    public Path dir() {
        return dir;
    }

    /** The packages its plugins share with Trellis. */
    public List<String> sharedPackages() {
        return sharedPackages;
    }

    /** One plugin in the folder: its location, its own JARs and its private libraries. */
    record Unit(Path location, List<Path> own, List<Path> lib) {
    }

    /** Loads every plugin of the folder into {@code registry}; a missing folder holds no plugins. */
    void loadInto(PartRegistry registry) {
        if (!Files.isDirectory(dir)) {
            LOG.debug("no plugins folder at {}", dir.toAbsolutePath());
            return;
        }
        SharedClassLoader shared = new SharedClassLoader(PartRegistry.class.getClassLoader(), sharedPackages);
        for (Unit unit : units()) {
            load(unit, shared, registry);
        }
    }

    /** The plugins in the folder, in file-name order. */
    List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (Path entry : list(dir)) {
            if (Files.isRegularFile(entry) && isJar(entry)) {
                units.add(new Unit(entry, List.of(entry), List.of()));
            } else if (Files.isDirectory(entry)) {
                try {
                    List<Path> own = list(entry).stream().filter(p -> Files.isRegularFile(p) && isJar(p)).toList();
                    Path libDir = entry.resolve("lib");
                    List<Path> lib = Files.isDirectory(libDir)
                            ? list(libDir).stream().filter(p -> Files.isRegularFile(p) && isJar(p)).toList() : List.of();
                    if (!own.isEmpty() || !lib.isEmpty()) {
                        units.add(new Unit(entry, own, lib));
                    }
                } catch (PluginException e) { // an unreadable folder is that folder's problem, not every plugin's
                    LOG.warn("plugin folder skipped: {}", e.getMessage());
                }
            }
        }
        return units;
    }

    private void load(Unit unit, SharedClassLoader shared, PartRegistry registry) {
        String where = display(unit.location());
        PluginDescriptor d;
        try {
            d = descriptor(unit, where);
        } catch (PluginException e) {
            registry.refusePlugin(new PluginInfo(baseName(unit.location()), "?", "?", where), e.getMessage());
            return;
        }
        PluginInfo info = PluginInfo.of(d, where);
        if (!ApiVersion.supports(d.apiVersion())) {
            registry.refusePlugin(info, "plugin '" + d.name() + "' " + d.version() + " needs Trellis API " + d.apiVersion()
                    + " but this Trellis provides " + ApiVersion.CURRENT + "; upgrade Trellis or use a build of the plugin for API "
                    + ApiVersion.CURRENT);
            return;
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : Stream.concat(unit.own().stream(), unit.lib().stream()).toList()) {
            urls.add(url(jar));
        }
        LOG.debug("loading plugin {} {} from {}", d.name(), d.version(), where);
        registry.loadPlugin(new PluginClassLoader(d.name(), urls.toArray(new URL[0]), shared), info);
    }

    /** The descriptor of the plugin: exactly one of its own JARs carries one. */
    private static PluginDescriptor descriptor(Unit unit, String where) {
        if (unit.own().isEmpty()) {
            throw new PluginException(where + ": a plugin folder needs its plugin JAR at its top; lib/ is for its libraries only");
        }
        PluginDescriptor found = null;
        Path foundIn = null;
        for (Path jar : unit.own()) {
            String jarWhere = display(jar);
            try (JarFile file = new JarFile(jar.toFile())) {
                ZipEntry entry = file.getEntry(PluginDescriptor.RESOURCE);
                if (entry == null) {
                    continue;
                }
                if (found != null) {
                    throw new PluginException(where + ": two JARs carry a " + PluginDescriptor.RESOURCE + ": "
                            + display(foundIn) + " and " + jarWhere + "; a plugin has one");
                }
                try (InputStream in = file.getInputStream(entry)) {
                    found = PluginDescriptor.read(in, jarWhere);
                    foundIn = jar;
                }
            } catch (IOException e) {
                throw new PluginException(jarWhere + ": not a readable JAR (" + e.getMessage() + ")", e);
            }
        }
        if (found == null) {
            throw new PluginException(where + ": not a Trellis plugin: no " + PluginDescriptor.RESOURCE
                    + " (it needs name, version and api-version; see examples/third-party-plugin)");
        }
        return found;
    }

    /** A path as users typed it: relative to the working directory when inside it. */
    public static String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static String baseName(Path p) {
        String name = p.getFileName().toString();
        return isJar(p) ? name.substring(0, name.length() - 4) : name;
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new PluginException(display(folder) + ": cannot list the plugins folder: " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException(display(jar) + ": " + e.getMessage(), e);
        }
    }
}
