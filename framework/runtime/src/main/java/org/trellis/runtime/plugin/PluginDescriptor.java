package org.trellis.runtime.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.trellis.api.plugin.ApiVersion;

/**
 * What a plugin says about itself in {@value #RESOURCE}, read before any of its classes is loaded:
 * its unique name, its version, and the Trellis API version it was built for.
 *
 * <pre>
 * name = acme-signals
 * version = 1.2.0
 * api-version = 0.1
 * description = Acme's momentum signals
 * </pre>
 */
public record PluginDescriptor(String name, String version, String apiVersion, String description) {
    public static final String RESOURCE = "META-INF/trellis-plugin.properties";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern API = Pattern.compile("\\d+\\.\\d+");

    /** Reads and checks a descriptor; {@code where} names its file in errors. */
    public static PluginDescriptor read(InputStream in, String where) {
        Properties p = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new PluginException(where + ": unreadable " + RESOURCE + ": " + e.getMessage(), e);
        }
        String name = required(p, "name", where);
        if (!NAME.matcher(name).matches()) {
            throw new PluginException(where + ": " + RESOURCE + ": name '" + name
                    + "' must be lower-case letters, digits, '.', '-' or '_'");
        }
        String api = required(p, "api-version", where);
        if (!API.matcher(api).matches()) {
            throw new PluginException(where + ": " + RESOURCE + ": api-version '" + api + "' must look like MAJOR.MINOR, e.g. "
                    + ApiVersion.CURRENT);
        }
        return new PluginDescriptor(name, required(p, "version", where), api, p.getProperty("description", "").trim());
    }

    private static String required(Properties p, String key, String where) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new PluginException(where + ": " + RESOURCE + " has no '" + key + "' (it needs name, version and api-version)");
        }
        return v.trim();
    }
}
