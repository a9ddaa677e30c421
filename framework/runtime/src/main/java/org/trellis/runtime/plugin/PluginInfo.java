package org.trellis.runtime.plugin;

/**
 * Where a part comes from: the plugin's name and version, the API version it was built for, and its
 * location (a JAR or plugin directory in the plugins folder, a classpath entry, or Trellis itself).
 */
public record PluginInfo(String name, String version, String apiVersion, String location) {

    /** Parts registered by code (tests, embedders) rather than discovered. */
    static final PluginInfo REGISTERED = new PluginInfo("registered", "-", "-", "(registered in code)");

    static PluginInfo of(PluginDescriptor d, String location) {
        return new PluginInfo(d.name(), d.version(), d.apiVersion(), location);
    }

    /** "acme-signals 1.2.0 (plugins/acme.jar)" for messages. */
    String describe() {
        return name + " " + version + " (" + location + ")";
    }
}
