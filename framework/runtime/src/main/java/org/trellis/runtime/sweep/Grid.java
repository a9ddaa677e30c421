package org.trellis.runtime.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter grid of a sweep, from repeated {@code --grid} options: {@code fast=5:30:5} (from, to
 * inclusive, step) or {@code fast=5,10,20} (a list). Points are every combination, the first axis
 * varying slowest, numbered from 0 in that order: the same options always give the same points.
 */
public record Grid(List<Axis> axes) {
    /** Most points one sweep may have: far beyond any useful grid, small enough to catch a mistyped step. */
    public static final int MAX_POINTS = 1_000_000;

    /** One parameter and its values in order. */
    public record Axis(String name, List<Object> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public Grid {
        axes = List.copyOf(axes);
    }

    /** Parses {@code specs}; errors name the option and the text. */
    public static Grid parse(List<String> specs, String option) {
        if (specs == null || specs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one " + option + " NAME=FROM:TO:STEP (or NAME=V1,V2,...), "
                    + "e.g. " + option + " fast=5:30:5");
        }
        List<Axis> axes = new ArrayList<>();
        long points = 1;
        for (String spec : specs) {
            Axis axis = axis(spec, option);
            if (axes.stream().anyMatch(a -> a.name().equals(axis.name()))) {
                throw new IllegalArgumentException(option + " " + axis.name() + " is given twice");
            }
            axes.add(axis);
            points *= axis.values().size();
            if (points > MAX_POINTS) {
                throw new IllegalArgumentException(option + ": the grid has more than " + MAX_POINTS + " points; use coarser steps");
            }
        }
        return new Grid(axes);
    }

    private static Axis axis(String spec, String option) {
        int eq = spec.indexOf('=');
        String usage = option + " expects NAME=FROM:TO:STEP or NAME=V1,V2,... (e.g. fast=5:30:5), got '" + spec + "'";
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException(usage);
        }
        String name = spec.substring(0, eq).trim();
        String values = spec.substring(eq + 1).trim();
        if (name.isEmpty() || values.isEmpty()) {
            throw new IllegalArgumentException(usage);
        }
        if (values.contains(":")) {
            String[] parts = values.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(usage);
            }
            BigDecimal from = decimal(parts[0], spec, option, "FROM");
            BigDecimal to = decimal(parts[1], spec, option, "TO");
            BigDecimal step = decimal(parts[2], spec, option, "STEP");
            if (step.signum() <= 0) {
                throw new IllegalArgumentException(option + " " + spec + ": STEP must be > 0");
            }
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException(option + " " + spec + ": FROM " + parts[0] + " is after TO " + parts[1]);
            }
            BigDecimal count = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
            if (count.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
                throw new IllegalArgumentException(option + " " + spec + ": more than " + MAX_POINTS + " values; use a coarser STEP");
            }
            boolean whole = isWhole(from) && isWhole(step);
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < count.intValue(); i++) {
                list.add(value(from.add(step.multiply(BigDecimal.valueOf(i))), whole));
            }
            return new Axis(name, list);
        }
        List<Object> list = new ArrayList<>();
        for (String item : values.split(",", -1)) {
            String v = item.trim();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(usage + " (an empty value)");
            }
            Object parsed = literal(v);
            if (list.contains(parsed)) {
                throw new IllegalArgumentException(option + " " + spec + ": value " + v + " is listed twice");
            }
            list.add(parsed);
        }
        return new Axis(name, list);
    }

    private static BigDecimal decimal(String text, String spec, String option, String what) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + spec + ": " + what + " is not a number: '" + text + "'");
        }
    }

    private static boolean isWhole(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    private static Object value(BigDecimal d, boolean whole) {
        if (whole && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 && d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0) {
            return d.intValueExact();
        }
        return d.doubleValue();
    }

    /** A listed value: a whole number, a decimal, true/false, or else text. */
    static Object literal(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        try {
            BigDecimal d = new BigDecimal(v);
            return value(d, isWhole(d) && !v.contains("."));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** The parameter names, in option order. */
    public List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    /** Every combination, the first axis varying slowest. */
    public List<GridPoint> points() {
        int total = 1;
        for (Axis a : axes) {
            total *= a.values().size();
        }
        List<GridPoint> points = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            Map<String, Object> values = new LinkedHashMap<>();
            int rest = index;
            for (int a = axes.size() - 1; a >= 0; a--) {
                Axis axis = axes.get(a);
                values.put(axis.name(), axis.values().get(rest % axis.values().size()));
                rest /= axis.values().size();
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (Axis axis : axes) {
                ordered.put(axis.name(), values.get(axis.name()));
            }
            points.add(new GridPoint(index, ordered));
        }
        return points;
    }

    /** {@code fast 5..30 step 5 (6) x slow 20..100 step 10 (9) = 54 points}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        long n = 1;
        for (Axis a : axes) {
            parts.add(String.format(Locale.ROOT, "%s (%d value%s)", a.name(), a.values().size(), a.values().size() == 1 ? "" : "s"));
            n *= a.values().size();
        }
        return String.join(" x ", parts) + " = " + n + " combination" + (n == 1 ? "" : "s");
    }
}
