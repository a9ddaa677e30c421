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

    /**
     * The API version this part was built for; see {@link ApiVersion#supports}. Implement it as
     * {@code return ApiVersion.CURRENT;} in your own class: the constant is then compiled into your
     * plugin, so it says which API you built against even when a different one runs it. (It has no
     * default for that reason: a default would report the running API, whatever you built for.)
     */
    String apiVersion();

    /** Parameters the part accepts; names outside this list are rejected before {@link #create}. */
    default List<ParamSpec> params() {
        return List.of();
    }

    T create(Params params);
}
