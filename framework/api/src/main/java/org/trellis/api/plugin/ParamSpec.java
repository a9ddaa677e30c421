package org.trellis.api.plugin;

import java.util.Objects;

/**
 * Documents one parameter of a part: its name, type ({@code int}, {@code double}, {@code boolean}
 * or {@code string}), default, meaning and, for numbers, the range it must lie in. Trellis checks
 * every value given on the command line or in a script against it before the part is made, so a
 * part declares its parameters once and gets clear errors everywhere.
 *
 * @param min smallest allowed value, inclusive ({@code NaN}: no bound)
 * @param max largest allowed value, inclusive ({@code NaN}: no bound)
 */
public record ParamSpec(String name, String type, Object defaultValue, String description, double min, double max) {
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public ParamSpec(String name, String type, Object defaultValue, String description) {
        this(name, type, defaultValue, description, Double.NaN, Double.NaN);
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

    /** The same parameter, allowed only from {@code low} to {@code high} (inclusive; NaN = open). */
    public ParamSpec between(double low, double high) {
        return new ParamSpec(name, type, defaultValue, description, low, high);
    }

    /** The same parameter, allowed from {@code low} up. */
    public ParamSpec atLeast(double low) {
        return between(low, Double.NaN);
    }

    /** Why {@code value} is out of range, or null when it is within it. */
    public String rangeProblem(double value) {
        if (!Double.isNaN(min) && !(value >= min)) {
            return "must be >= " + bound(min) + (Double.isNaN(max) ? "" : " and <= " + bound(max)) + ", got " + bound(value);
        }
        if (!Double.isNaN(max) && !(value <= max)) {
            return "must be <= " + bound(max) + (Double.isNaN(min) ? "" : " and >= " + bound(min)) + ", got " + bound(value);
        }
        return null;
    }

    private static String bound(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
