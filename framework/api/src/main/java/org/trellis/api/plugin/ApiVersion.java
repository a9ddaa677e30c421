package org.trellis.api.plugin;

/**
 * The version of this API, in semantic-versioning terms: a plugin built for API {@code M.m} runs on
 * a host whose API has the same major version and a minor version at least {@code m}.
 */
public final class ApiVersion {
    public static final int MAJOR = 0;
    public static final int MINOR = 3;
    public static final String CURRENT = MAJOR + "." + MINOR;

    private ApiVersion() {
    }

    /** True when a plugin that needs {@code required} (e.g. {@code "0.1"}) can run on this API. */
    public static boolean supports(String required) {
        String[] parts = required.trim().split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("API version must look like MAJOR.MINOR, got '" + required + "'");
        }
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major == MAJOR && minor <= MINOR;
    }
}
