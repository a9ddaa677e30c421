package org.trellis.runtime.plugin;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import org.trellis.api.plugin.ApiVersion;

/** Names the classpath entry a factory class came from, so that listings and errors can say where a part lives. */
final class ClasspathSources {
    /** Refusals of classpath factories that could not even be loaded. */
    static final PluginInfo CLASSPATH = new PluginInfo("classpath", "-", "-", "(classpath)");
    private static final String HOST = location(ClasspathSources.class);

    private ClasspathSources() {
    }

    /** The class's code source (a JAR or classes folder), as a string key; "?" when the JVM does not say. */
    static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "?" : source.getLocation().toString();
    }

    /**
     * Trellis itself for the built-in parts; otherwise the entry's plugin descriptor when it has one,
     * else its file name.
     */
    static PluginInfo describe(Class<?> type, String location) {
        if (location.equals(HOST)) {
            String v = ClasspathSources.class.getPackage().getImplementationVersion();
            return new PluginInfo("trellis", v == null ? "dev" : v, ApiVersion.CURRENT, "(built in)");
        }
        Path path = path(location);
        String shown = path == null ? location : PluginFolder.display(path);
        try (URLClassLoader only = new URLClassLoader(new URL[] {new URL(location)}, null)) {
            URL descriptor = only.findResource(PluginDescriptor.RESOURCE);
            if (descriptor != null) {
                try (InputStream in = descriptor.openStream()) {
                    return PluginInfo.of(PluginDescriptor.read(in, shown), shown);
                }
            }
        } catch (java.io.IOException | PluginException e) {
            return new PluginInfo(fileName(path, location), "?", "-", shown + " (descriptor unreadable: " + e.getMessage() + ")");
        }
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return new PluginInfo(fileName(path, location), v == null ? "-" : v, "-", shown);
    }

    private static Path path(String location) {
        try {
            return Path.of(new URL(location).toURI());
        } catch (java.net.MalformedURLException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String fileName(Path path, String location) {
        if (path == null || path.getFileName() == null) {
            return location;
        }
        String name = path.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }
}
