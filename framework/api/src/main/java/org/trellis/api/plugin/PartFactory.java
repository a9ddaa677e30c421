package org.trellis.api.plugin;

import java.util.List;

/**
 * Makes parts of one kind under one unique name. Factories are what {@link java.util.ServiceLoader}
 * discovers: list the implementation in {@code META-INF/services/<the kind's factory interface>}.
 * A factory is stateless; {@link #create} returns a fresh part for each use (each instrument, each
 * strategy in a script).
 */
public interface PartFactory<T> {

    /** Unique name per kind, lower-case with dashes, e.g. {@code sma-cross}. */
    String name();

    /** One line for listings. */
    String description();

    PartKind kind();

    /** The plugin's own version. */
    default String version() {
        return "0.1.0";
    }

    /** The API version this part was built for; see {@link ApiVersion#supports}. */
    default String apiVersion() {
        return ApiVersion.CURRENT;
    }

    /** Parameters the part accepts; names outside this list are rejected before {@link #create}. */
    default List<ParamSpec> params() {
        return List.of();
    }

    T create(Params params);
}
