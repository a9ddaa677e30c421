package org.trellis.runtime.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.trellis.runtime.sweep.Grid;
import org.trellis.runtime.sweep.GridPoint;
import org.trellis.runtime.sweep.Metric;
import org.trellis.runtime.sweep.SweepRow;

/**
 * A sweep's results for people: the ranking as a text table, and an HTML page (the report's style)
 * with a heatmap of the objective over a two-parameter grid and every combination ranked. Equal
 * inputs give byte-identical pages.
 */
public final class SweepReport {
    /** Metrics the tables show, after the objective. */
    private static final List<Metric> SHOWN = List.of(Metric.TOTAL_RETURN, Metric.CAGR, Metric.SHARPE, Metric.SORTINO,
            Metric.MAX_DRAWDOWN, Metric.TRADES, Metric.WIN_RATE, Metric.PROFIT_FACTOR, Metric.FINAL_EQUITY);

    private SweepReport() {
    }

    /** Successful rows, best first by {@code objective} (undefined last), ties to the lower grid index. */
    public static List<SweepRow> ranked(List<SweepRow> rows, Metric objective) {
        return rows.stream().filter(r -> !r.failed())
                .sorted(Comparator.comparing((SweepRow r) -> r.metric(objective), objective.better())
                        .thenComparingInt(r -> r.point().index()))
                .toList();
    }

    /** A metric as the reports show it. */
    public static String format(Metric m, double v) {
        return switch (m) {
            case TOTAL_RETURN, CAGR, WIN_RATE, EXPOSURE -> ReportFormat.pct(v);
            case MAX_DRAWDOWN -> ReportFormat.pct(-v);
            case SHARPE, SORTINO, CALMAR, PROFIT_FACTOR -> ReportFormat.ratio(v);
            case TRADES -> Double.isFinite(v) ? Long.toString(Math.round(v)) : "n/a";
            case EXPECTANCY, FEES, FINAL_EQUITY -> ReportFormat.money(v);
        };
    }

    private static List<Metric> columns(Metric objective) {
        List<Metric> cols = new ArrayList<>();
        cols.add(objective);
        SHOWN.stream().filter(m -> m != objective).forEach(cols::add);
        return cols;
    }

    private static String label(Metric m) {
        String s = m.column().replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The best {@code top} rows as a table, the objective first. */
    public static String text(Grid grid, List<SweepRow> ranked, Metric objective, int top) {
        List<String> header = new ArrayList<>(List.of("#"));
        header.addAll(grid.names());
        columns(objective).forEach(m -> header.add(label(m)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            SweepRow r = ranked.get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1)));
            grid.names().forEach(n -> row.add(GridPoint.text(r.point().values().get(n))));
            columns(objective).forEach(m -> row.add(format(m, r.metric(m))));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, widths);
        rows.forEach(row -> line(sb, row, widths));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        sb.append(' ');
        for (int c = 0; c < cells.size(); c++) {
            sb.append(String.format(Locale.ROOT, " %" + widths[c] + "s", cells.get(c)));
        }
        sb.append('\n');
    }

    /**
     * The page: what ran, the heatmap (two-parameter grids), then every combination ranked, failed ones
     * last with their errors.
     *
     * @param about lines shown under the title (script, data, grid, where it ran)
     */
    public static String html(String title, List<String> about, Grid grid, List<SweepRow> rows, Metric objective) {
        List<SweepRow> ranked = ranked(rows, objective);
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Trellis\">\n<title>").append(Html.escape(title)).append("</title>\n<style>\n")
                .append(ReportHtml.CSS)
                .append("svg.heat text { font-size: 11px; fill: var(--muted); font-variant-numeric: tabular-nums; }\n")
                .append("svg.heat text.cell { fill: #111827; text-anchor: middle; }\n</style>\n</head>\n<body>\n<main>\n")
                .append("<header class=\"card\"><div class=\"eyebrow\">Parameter sweep</div><h1>").append(Html.escape(title)).append("</h1>\n");
        for (String line : about) {
            sb.append("<p class=\"note\">").append(Html.escape(line)).append("</p>\n");
        }
        sb.append("</header>\n");
        if (grid.axes().size() == 2) {
            heatmap(sb, grid, rows, objective);
        }
        table(sb, grid, ranked, rows.stream().filter(SweepRow::failed).toList(), objective);
        sb.append("<footer>Trellis sweep &middot; ").append(rows.size()).append(" combinations &middot; objective ")
                .append(Html.escape(objective.column())).append("</footer>\n</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void heatmap(StringBuilder sb, Grid grid, List<SweepRow> rows, Metric objective) {
        Grid.Axis ys = grid.axes().get(0);
        Grid.Axis xs = grid.axes().get(1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SweepRow r : rows) {
            double v = r.metric(objective);
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int cw = Math.max(44, Math.min(90, 1000 / xs.values().size()));
        int ch = 26;
        int left = 70;
        int top = 8;
        int width = left + cw * xs.values().size() + 10;
        int height = top + ch * ys.values().size() + 40;
        sb.append("<section>\n<h2>").append(Html.escape(label(objective))).append(" by ").append(Html.escape(ys.name())).append(" and ")
                .append(Html.escape(xs.name())).append("</h2>\n<svg class=\"heat\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" role=\"img\" aria-label=\"Heatmap of ").append(Html.escape(objective.column()))
                .append("\">\n");
        for (SweepRow r : rows) {
            int i = r.point().index();
            int x = i % xs.values().size();
            int y = i / xs.values().size();
            double v = r.metric(objective);
            String fill = r.failed() ? "#d1d5db" : !Double.isFinite(v) ? "#f3f4f6" : colour(v, min, max, objective.higherIsBetter());
            sb.append("<g><title>").append(Html.escape(r.point().label())).append(": ")
                    .append(Html.escape(r.failed() ? "failed: " + r.error() : objective.column() + " " + format(objective, v)))
                    .append("</title><rect x=\"").append(left + x * cw).append("\" y=\"").append(top + y * ch).append("\" width=\"")
                    .append(cw - 1).append("\" height=\"").append(ch - 1).append("\" fill=\"").append(fill).append("\"/>")
                    .append("<text class=\"cell\" x=\"").append(left + x * cw + cw / 2).append("\" y=\"").append(top + y * ch + 17).append("\">")
                    .append(Html.escape(r.failed() ? "error" : format(objective, v))).append("</text></g>\n");
        }
        for (int y = 0; y < ys.values().size(); y++) {
            sb.append("<text x=\"").append(left - 8).append("\" y=\"").append(top + y * ch + 17).append("\" text-anchor=\"end\">")
                    .append(Html.escape(GridPoint.text(ys.values().get(y)))).append("</text>\n");
        }
        for (int x = 0; x < xs.values().size(); x++) {
            sb.append("<text x=\"").append(left + x * cw + cw / 2).append("\" y=\"").append(top + ys.values().size() * ch + 16)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(GridPoint.text(xs.values().get(x)))).append("</text>\n");
        }
        sb.append("<text x=\"").append(left + cw * xs.values().size() / 2).append("\" y=\"").append(height - 4)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xs.name())).append("</text>\n")
                .append("<text x=\"4\" y=\"").append(top + 12).append("\">").append(Html.escape(ys.name())).append("</text>\n</svg>\n")
                .append("<p class=\"note\">Darker green is better; grey cells failed (hover for the error).</p>\n</section>\n");
    }

    /** White (worst) to green (best). */
    private static String colour(double v, double min, double max, boolean higherIsBetter) {
        double f = max > min ? (v - min) / (max - min) : 1;
        if (!higherIsBetter) {
            f = 1 - f;
        }
        int r = (int) Math.round(247 + (22 - 247) * f);
        int g = (int) Math.round(252 + (163 - 252) * f);
        int b = (int) Math.round(245 + (74 - 245) * f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static void table(StringBuilder sb, Grid grid, List<SweepRow> ranked, List<SweepRow> failed, Metric objective) {
        sb.append("<section>\n<h2>Every combination, best first</h2>\n<div class=\"scroll\">\n<table class=\"data\">\n<thead><tr><th>#</th>");
        grid.names().forEach(n -> sb.append("<th>").append(Html.escape(n)).append("</th>"));
        columns(objective).forEach(m -> sb.append("<th class=\"num\">").append(Html.escape(label(m))).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < ranked.size(); i++) {
            SweepRow r = ranked.get(i);
            sb.append("<tr><td>").append(i + 1).append("</td>");
            grid.names().forEach(n -> sb.append("<td>").append(Html.escape(GridPoint.text(r.point().values().get(n)))).append("</td>"));
            columns(objective).forEach(m -> sb.append("<td class=\"num\">").append(Html.escape(format(m, r.metric(m)))).append("</td>"));
            sb.append("</tr>\n");
        }
        for (SweepRow r : failed) {
            sb.append("<tr><td>-</td>");
            grid.names().forEach(n -> sb.append("<td>").append(Html.escape(GridPoint.text(r.point().values().get(n)))).append("</td>"));
            sb.append("<td class=\"neg\" colspan=\"").append(columns(objective).size()).append("\">failed: ")
                    .append(Html.escape(r.error())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</div>\n</section>\n");
    }
}
