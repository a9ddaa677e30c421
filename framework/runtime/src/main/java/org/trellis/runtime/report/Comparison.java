package org.trellis.runtime.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.trellis.runtime.engine.EquityCurve;
import org.trellis.runtime.engine.RunResult;

/**
 * Strategies side by side: a table with a column per strategy (return, Sharpe, Sortino, max
 * drawdown, trades, win rate, profit factor) and an HTML page with their equity curves overlaid, as
 * returns on each strategy's own capital so that strategies of different sizes compare.
 */
public final class Comparison {
    /** Line colours of the overlaid curves, in column order (then repeated). */
    private static final String[] COLOURS = {"#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777",
            "#4b5563"};

    /** One column: a strategy's label, its report and its run. */
    public record Entry(String label, BacktestReport report, RunResult run) {
        public static Entry of(String label, RunResult run) {
            return new Entry(label, BacktestReport.of(run), run);
        }
    }

    private record Metric(String label, Function<Performance, String> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("Total return", p -> ReportFormat.pct(p.totalReturn())),
            new Metric("Sharpe", p -> ReportFormat.ratio(p.sharpe())),
            new Metric("Sortino", p -> ReportFormat.ratio(p.sortino())),
            new Metric("Max drawdown", p -> ReportFormat.pct(-p.maxDrawdown().depth())),
            new Metric("Trades", p -> Integer.toString(p.trades())),
            new Metric("Win rate", p -> ReportFormat.pct(p.winRate())),
            new Metric("Profit factor", p -> ReportFormat.ratio(p.profitFactor())),
            new Metric("Final equity", p -> ReportFormat.money(p.finalEquity())));

    private Comparison() {
    }

    public static String text(List<Entry> entries) {
        int labelWidth = METRICS.stream().mapToInt(m -> m.label().length()).max().orElse(10);
        List<Integer> widths = new ArrayList<>();
        for (Entry e : entries) {
            int w = e.label().length();
            for (Metric m : METRICS) {
                w = Math.max(w, m.value().apply(e.report().performance()).length());
            }
            widths.add(w);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %-" + labelWidth + "s", ""));
        for (int i = 0; i < entries.size(); i++) {
            sb.append(String.format(Locale.ROOT, "  %" + widths.get(i) + "s", entries.get(i).label()));
        }
        sb.append('\n');
        for (Metric m : METRICS) {
            sb.append(String.format(Locale.ROOT, "  %-" + labelWidth + "s", m.label()));
            for (int i = 0; i < entries.size(); i++) {
                sb.append(String.format(Locale.ROOT, "  %" + widths.get(i) + "s", m.value().apply(entries.get(i).report().performance())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The table on {@code out}, the page to {@code html}, and where it went. */
    public static void publish(List<Entry> entries, Path html, java.io.PrintWriter out) {
        out.print(text(entries));
        writeHtml(entries, html);
        out.println();
        out.println("wrote " + html);
        out.flush();
    }

    public static void writeHtml(List<Entry> entries, Path file) {
        ReportFiles.writeAtomically(file, html(entries));
    }

    public static String html(List<Entry> entries) {
        StringBuilder sb = new StringBuilder(128 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Trellis\">\n<title>Strategy comparison</title>\n<style>\n")
                .append(ReportHtml.CSS);
        for (int i = 0; i < entries.size(); i++) {
            sb.append(".cmp").append(i).append(" { fill: none; stroke-width: 1.4; stroke: ").append(colour(i)).append("; }\n");
        }
        sb.append("</style>\n</head>\n<body>\n<main>\n<h1>Strategy comparison</h1>\n");
        table(sb, entries);
        chart(sb, entries);
        sb.append("<footer>Trellis comparison &middot; returns on each strategy's own capital &middot; times in UTC</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<Entry> entries) {
        sb.append("<section>\n<table class=\"trades\">\n<thead><tr><th></th>");
        for (int i = 0; i < entries.size(); i++) {
            sb.append("<th><svg viewBox=\"0 0 22 12\" width=\"22\" height=\"12\"><line class=\"cmp").append(i)
                    .append("\" x1=\"1\" x2=\"21\" y1=\"6\" y2=\"6\"/></svg> ").append(Html.escape(entries.get(i).label()))
                    .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (Metric m : METRICS) {
            sb.append("<tr><td>").append(Html.escape(m.label())).append("</td>");
            for (Entry e : entries) {
                sb.append("<td class=\"num\">").append(Html.escape(m.value().apply(e.report().performance()))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void chart(StringBuilder sb, List<Entry> entries) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        double min = 0;
        double max = 0;
        for (Entry e : entries) {
            EquityCurve c = e.run().equity();
            double capital = e.report().performance().initialCapital();
            for (int i = 0; i < c.size(); i++) {
                from = Math.min(from, c.time(i));
                to = Math.max(to, c.time(i));
                min = Math.min(min, c.equity(i) / capital - 1);
                max = Math.max(max, c.equity(i) / capital - 1);
            }
        }
        sb.append("<section>\n<h2>Equity, as return on capital</h2>\n");
        if (from > to) {
            sb.append("<p class=\"note\">No equity was recorded.</p>\n</section>\n");
            return;
        }
        double[] range = SvgChart.padded(min, max, 0.05);
        SvgChart chart = new SvgChart("comparison", "Equity curves of the compared strategies", 360, from, to, range[0], range[1],
                SvgChart.Scale.PERCENT);
        for (int i = 0; i < entries.size(); i++) {
            EquityCurve c = entries.get(i).run().equity();
            double capital = entries.get(i).report().performance().initialCapital();
            chart.line(c.size(), c::time, k -> c.equity(k) / capital - 1, "cmp" + i);
        }
        chart.rule(0, "capital");
        sb.append(chart.render()).append("</section>\n");
    }

    private static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }
}
