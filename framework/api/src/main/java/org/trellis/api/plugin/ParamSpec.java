package org.trellis.api.plugin;

import java.util.Objects;

/** Documents one parameter of a part: shown by the CLI and used to reject unknown names. */
public record ParamSpec(String name, String type, Object defaultValue, String description) {
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public static ParamSpec integer(String name, int defaultValue, String description) {
        return new ParamSpec(name, "int", defaultValue, description);
    }

    public static ParamSpec number(String name, double defaultValue, String description) {
        return new ParamSpec(name, "double", defaultValue, description);
    }

    public static ParamSpec bool(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, "boolean", defaultValue, description);
    }

    public static ParamSpec string(String name, String defaultValue, String description) {
        return new ParamSpec(name, "string", defaultValue, description);
    }
}
