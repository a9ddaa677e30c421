package org.trellis.runtime.plugin;

import java.net.URL;
import java.net.URLClassLoader;

/** One plugin's classes: its JAR(s) and lib/, over the {@link SharedClassLoader}. */
final class PluginClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String hint;

    PluginClassLoader(String pluginName, URL[] jars, SharedClassLoader shared) {
        super("plugin " + pluginName, jars, shared);
        this.hint = shared.hint();
    }

    /** A class found nowhere: say what a plugin can see, which is usually the reason. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException(name + " (" + hint + ")", e);
        }
    }
}
