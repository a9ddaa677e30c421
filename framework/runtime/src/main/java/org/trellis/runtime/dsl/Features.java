package org.trellis.runtime.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.runtime.plugin.Names;

/**
 * What a rule sees on each bar: its features by name ({@code f.rsi14}), the bar's prices
 * ({@code f.open}, {@code f.high}, {@code f.low}, {@code f.close}, {@code f.volume}) and the
 * position ({@code f.position}: 1 long, -1 short, 0 flat). The script compiler numbers the names a
 * rule reads and rewrites each read into {@link #get(int)}; {@link #bind} maps those numbers to
 * columns once, so a read on the hot path is an array lookup.
 */
public final class Features {
    private static final List<String> BAR_FIELDS = List.of("open", "high", "low", "close", "volume", "position");

    private final List<String> names;
    private final int[] columns;
    private final Map<String, Integer> byName = new HashMap<>();
    private StrategyContext context;
    private FeatureVector vector;

    Features(List<String> names) {
        this.names = List.copyOf(names);
        this.columns = new int[names.size()];
    }

    /** Maps each name the rule reads to a feature column or a bar field; unknown names fail with suggestions. */
    void bind(FeatureSchema schema, String where) {
        List<String> known = new ArrayList<>(schema.names());
        known.addAll(BAR_FIELDS);
        for (int i = 0; i < names.size(); i++) {
            columns[i] = column(schema, names.get(i), known, where);
        }
        for (String n : known) {
            byName.put(n, column(schema, n, known, where));
        }
    }

    private static int column(FeatureSchema schema, String name, List<String> known, String where) {
        if (schema.contains(name)) {
            return schema.indexOf(name);
        }
        int field = BAR_FIELDS.indexOf(name);
        if (field >= 0) {
            return -1 - field;
        }
        throw new ScriptException(where + ": the rule reads '" + name + "', which is not a feature of this strategy."
                + Names.suggestion(name, known) + " Features: " + String.join(", ", schema.names())
                + (schema.names().isEmpty() ? "(none: declare them with features 'rsi', period: 14)" : "")
                + "; bar fields: " + String.join(", ", BAR_FIELDS));
    }

    /** Points the view at a bar's context; a lane's context is one object for all its bars, so this rarely stores. */
    void at(StrategyContext context) {
        if (context != this.context) {
            this.context = context;
            this.vector = context.features();
        }
    }

    /** The value of the {@code slot}-th name the rule reads (the compiler writes these calls). */
    public double get(int slot) {
        return read(columns[slot]);
    }

    /** A value by name, for names that are not identifiers (slower than {@code f.name}). */
    public double get(String name) {
        Integer c = byName.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no feature '" + name + "'." + Names.suggestion(name, byName.keySet()));
        }
        return read(c);
    }

    private double read(int column) {
        if (column >= 0) {
            return vector.get(column);
        }
        return switch (-1 - column) {
            case 0 -> context.bar().open();
            case 1 -> context.bar().high();
            case 2 -> context.bar().low();
            case 3 -> context.bar().close();
            case 4 -> context.bar().volume();
            default -> Math.signum(context.position().quantity());
        };
    }

    List<String> names() {
        return names;
    }
}
