package org.trellis.runtime.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The full results of a sweep as one table: a row per task in task order (grid order), columns
 * {@code index}, the grid's parameters, {@code window} (walk-forward only), {@code seed}, every
 * {@link Metric} and {@code error}. Written as CSV here and as Parquet by the runner; equal inputs
 * give byte-identical CSV.
 */
public record SweepTable(List<String> columns, List<Type> types, List<List<Object>> rows) {
    /** Column types; a metric that is undefined for a run (NaN) is an empty CSV cell and a Parquet NaN. */
    public enum Type {
        INT,
        LONG,
        DOUBLE,
        STRING,
        BOOLEAN
    }

    public SweepTable {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    public static SweepTable of(Grid grid, List<SweepRow> results, boolean windows) {
        List<String> columns = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        columns.add("index");
        types.add(Type.INT);
        if (windows) {
            columns.add("window");
            types.add(Type.INT);
        }
        for (Grid.Axis a : grid.axes()) {
            columns.add(a.name());
            types.add(type(a.values()));
        }
        columns.add("seed");
        types.add(Type.LONG);
        for (Metric m : Metric.values()) {
            columns.add(m.column());
            types.add(m == Metric.TRADES ? Type.INT : Type.DOUBLE);
        }
        columns.add("error");
        types.add(Type.STRING);
        List<List<Object>> rows = new ArrayList<>();
        for (SweepRow r : results) {
            List<Object> row = new ArrayList<>();
            row.add(r.point().index());
            if (windows) {
                row.add(r.task().window());
            }
            for (Grid.Axis a : grid.axes()) {
                Object v = r.point().values().get(a.name());
                row.add(type(a.values()) == Type.DOUBLE ? ((Number) v).doubleValue() : type(a.values()) == Type.STRING ? GridPoint.text(v) : v);
            }
            row.add(r.seed());
            for (Metric m : Metric.values()) {
                Object v = null;
                if (!r.failed()) {
                    v = m == Metric.TRADES ? (Object) (int) r.metric(m) : (Object) r.metric(m);
                }
                row.add(v);
            }
            row.add(r.error());
            rows.add(row);
        }
        return new SweepTable(columns, types, rows);
    }

    private static Type type(List<Object> values) {
        if (values.stream().allMatch(v -> v instanceof Integer)) {
            return Type.INT;
        }
        if (values.stream().allMatch(v -> v instanceof Number)) {
            return Type.DOUBLE;
        }
        if (values.stream().allMatch(v -> v instanceof Boolean)) {
            return Type.BOOLEAN;
        }
        return Type.STRING;
    }

    /** The table as CSV (RFC 4180 quoting; numbers in Java's shortest exact form; NaN and missing as empty). */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        line(sb, columns);
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(v == null || v instanceof Double d && d.isNaN() ? "" : v instanceof Double d ? GridPoint.text(d)
                        : String.valueOf(v));
            }
            line(sb, cells);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
