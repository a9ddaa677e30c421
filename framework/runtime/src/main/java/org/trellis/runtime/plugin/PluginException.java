package org.trellis.runtime.plugin;

/**
 * A plugin that cannot be used: unreadable JAR, bad descriptor, an API it was not built for, a name
 * claimed twice, or a part that failed while being created. The message names the plugin's file.
 */
public final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
