package org.trellis.runtime.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin's class loader. It shows a plugin the JDK, the Trellis API and the
 * shared runtimes (logging, DJL, ...: one copy for all plugins), and nothing else of the host: a
 * plugin that reaches into Trellis internals fails to load instead of breaking on the next upgrade,
 * and a plugin's own libraries (in its JAR or its lib/ folder) never clash with the host's.
 */
final class SharedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final List<String> packages;
    private final List<String> resourcePrefixes;

    /** {@code packages}: package prefixes such as {@code org.trellis.api}, shared with their sub-packages. */
    SharedClassLoader(ClassLoader host, List<String> packages) {
        super("trellis-shared", ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.packages = packages.stream().map(p -> p.endsWith(".") ? p : p + ".").toList();
        this.resourcePrefixes = this.packages.stream().map(p -> p.replace('.', '/')).toList();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (String p : packages) {
            if (name.startsWith(p)) {
                return host.loadClass(name);
            }
        }
        throw new ClassNotFoundException(name + " (" + hint() + ")");
    }

    /** What plugins can see, for "class not found" messages. */
    String hint() {
        return "plugins see only the JDK and " + String.join("*, ", packages)
                + "*; ship other libraries inside the plugin's JAR or its lib/ folder";
    }

    @Override
    protected URL findResource(String name) {
        return shared(name) ? host.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return shared(name) ? host.getResources(name) : Collections.emptyEnumeration();
    }

    private boolean shared(String resource) {
        for (String p : resourcePrefixes) {
            if (resource.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
