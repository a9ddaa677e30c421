package org.trellis.runtime.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EquityCurve;
import org.trellis.runtime.engine.RunResult;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts drawn here, and a
 * few lines of inline script for a crosshair; nothing is fetched when it is opened. Shows what
 * ran, the metrics (worded as in {@link ReportText}), the equity curve over its drawdown, each
 * instrument's price with its trades marked, and the trades. Equal inputs give byte-identical
 * pages: there is no generation timestamp.
 */
public final class ReportHtml {
    /** Rows of the trades table; the CSV export has them all. */
    static final int MAX_TABLE_TRADES = 500;
    /** Trades marked on the price charts; beyond this, the largest wins and losses by |return|. */
    static final int MAX_MARKED_TRADES = 1000;

    static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private ReportHtml() {
    }

    public static void write(BacktestReport report, RunResult run, Path file) {
        ReportFiles.writeAtomically(file, render(report, run));
    }

    public static String render(BacktestReport report, RunResult run) {
        StringBuilder sb = new StringBuilder(256 * 1024);
        String title = report.strategy() + " backtest"
                + (report.data().isEmpty() ? "" : " on " + String.join(", ", report.data().stream().map(DataInfo::instrument).toList()));
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Trellis\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(sb, report);
        metrics(sb, report);
        long[] span = timeSpan(run);
        equity(sb, report, run, span);
        prices(sb, run, span);
        instruments(sb, report);
        trades(sb, run.trades());
        sb.append("<footer>Trellis backtest report &middot; times in UTC</footer>\n</main>\n<script>\n").append(JS)
                .append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void header(StringBuilder sb, BacktestReport r) {
        sb.append("<header class=\"card\">\n<div class=\"eyebrow\">").append(r.mode().equals("backtest") ? "Backtest" : "Paper trading").append(" report</div>\n<h1>").append(esc(r.strategy())).append("</h1>\n");
        if (!r.params().isEmpty()) {
            sb.append("<div class=\"chips\">");
            for (Map.Entry<String, Object> e : r.params().entrySet()) {
                sb.append("<span class=\"chip\">").append(esc(e.getKey())).append(" = ").append(esc(String.valueOf(e.getValue())))
                        .append("</span>");
            }
            sb.append("</div>\n");
        }
        sb.append("<table class=\"meta\">\n");
        for (DataInfo d : r.data()) {
            meta(sb, "Data", "<strong>" + esc(d.instrument()) + "</strong> &middot; " + esc(d.source()) + " &middot; "
                    + String.format(Locale.ROOT, "%,d", d.bars()) + " bars of " + esc(d.barSize()));
        }
        meta(sb, "Period", esc(r.start()) + " &ndash; " + esc(r.end()));
        meta(sb, "Bars", String.format(Locale.ROOT, "%,d", r.bars()) + " (warm-up " + r.warmUpBars() + ")"
                + (r.stoppedEarly() ? ", stopped before the data ended" : ""));
        meta(sb, "Costs", esc(ReportFormat.costs(r)));
        meta(sb, "Seed", String.valueOf(r.settings().seed()));
        r.market().forEach((k, v) -> meta(sb, esc(k), esc(ReportFormat.figure(v))));
        sb.append("</table>\n</header>\n");
    }

    private static void meta(StringBuilder sb, String label, String html) {
        sb.append("<tr><th>").append(label).append("</th><td>").append(html).append("</td></tr>\n");
    }

    private static void metrics(StringBuilder sb, BacktestReport r) {
        Performance p = r.performance();
        sb.append("<section>\n<h2>Performance</h2>\n<div class=\"kpis\">\n");
        kpi(sb, "Total return", ReportFormat.pct(p.totalReturn()), p.totalReturn());
        kpi(sb, "Max drawdown", ReportFormat.pct(-p.maxDrawdown().depth()), -p.maxDrawdown().depth());
        kpi(sb, "Sharpe", ReportFormat.ratio(p.sharpe()), Double.NaN);
        kpi(sb, "Trades", String.format(Locale.ROOT, "%,d", p.trades()), Double.NaN);
        kpi(sb, "Win rate", ReportFormat.pct(p.winRate()), Double.NaN);
        kpi(sb, "Profit factor", ReportFormat.ratio(p.profitFactor()), Double.NaN);
        sb.append("</div>\n<div class=\"cols\">\n");
        List<ReportFormat.Row> rows = ReportFormat.metrics(r);
        int half = (rows.size() + 1) / 2;
        for (List<ReportFormat.Row> column : List.of(rows.subList(0, half), rows.subList(half, rows.size()))) {
            sb.append("<table class=\"metrics\">\n");
            for (ReportFormat.Row row : column) {
                sb.append("<tr><th>").append(esc(row.label())).append("</th><td>").append(esc(row.value())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</div>\n</section>\n");
    }

    private static void kpi(StringBuilder sb, String label, String value, double sign) {
        String cls = sign > 0 ? " pos" : sign < 0 ? " neg" : "";
        sb.append("<div class=\"kpi\"><div class=\"label\">").append(label).append("</div><div class=\"value").append(cls)
                .append("\">").append(esc(value)).append("</div></div>\n");
    }

    /** The time range every chart shares: all bars and the whole equity curve. */
    private static long[] timeSpan(RunResult run) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (ColumnarBarSeries s : run.data()) {
            from = Math.min(from, s.time(0));
            to = Math.max(to, s.time(s.size() - 1));
        }
        EquityCurve e = run.equity();
        if (e.size() > 0) {
            from = Math.min(from, e.time(0));
            to = Math.max(to, e.time(e.size() - 1));
        }
        return from > to ? new long[] {0, 1} : new long[] {from, to};
    }

    private static void equity(StringBuilder sb, BacktestReport report, RunResult run, long[] span) {
        EquityCurve curve = run.equity();
        int n = curve.size();
        sb.append("<section>\n<h2>Equity and drawdown</h2>\n");
        if (n == 0) {
            sb.append("<p class=\"note\">The run recorded no equity.</p>\n</section>\n");
            return;
        }
        Performance p = report.performance();
        Drawdown mdd = p.maxDrawdown();
        boolean hasDrawdown = mdd.depth() > 0;
        sb.append("<div class=\"legend\">")
                .append(legendLine("equity", "Equity"))
                .append(legendLine("capital", "Initial capital " + ReportFormat.money(p.initialCapital())));
        if (hasDrawdown) {
            sb.append("<span><svg viewBox=\"0 0 22 12\"><rect class=\"mdd\" x=\"1\" y=\"0\" width=\"20\" height=\"12\"/>"
                    + "</svg>Max drawdown ").append(esc(ReportFormat.pct(-mdd.depth()))).append(", peak to trough</span>");
        }
        sb.append("</div>\n");

        double min = p.initialCapital();
        double max = p.initialCapital();
        double[] underwater = new double[n];
        double peak = Math.max(p.initialCapital(), curve.equity(0));
        double deepest = 0;
        for (int i = 0; i < n; i++) {
            double e = curve.equity(i);
            min = Math.min(min, e);
            max = Math.max(max, e);
            peak = Math.max(peak, e);
            underwater[i] = peak > 0 ? e / peak - 1 : 0;
            deepest = Math.min(deepest, underwater[i]);
        }
        double[] range = SvgChart.padded(min, max, 0.05);
        SvgChart eq = new SvgChart("equity", "Equity curve", 300, span[0], span[1], range[0], range[1], SvgChart.Scale.NUMBER);
        String ddTitle = "Max drawdown " + ReportFormat.pct(-mdd.depth()) + ": peak " + mdd.peak() + ", trough " + mdd.trough()
                + (mdd.recovery() == null ? ", not recovered" : ", recovered " + mdd.recovery());
        if (hasDrawdown) {
            eq.band(mdd.peakTime(), mdd.troughTime(), "mdd", ddTitle);
        }
        eq.line(n, curve::time, curve::equity, "equity");
        eq.rule(p.initialCapital(), "capital");
        sb.append(eq.render());

        double bottom = deepest < 0 ? deepest * 1.2 : -0.01;
        SvgChart dd = new SvgChart("drawdown", "Drawdown below the running peak", 170, span[0], span[1], bottom,
                -bottom * 0.04, SvgChart.Scale.PERCENT);
        if (hasDrawdown) {
            dd.band(mdd.peakTime(), mdd.troughTime(), "mdd", ddTitle);
        }
        dd.line(n, curve::time, i -> underwater[i], "dd-line");
        dd.area(n, curve::time, i -> underwater[i], 0, "dd-area");
        dd.rule(0, "zero");
        if (hasDrawdown) {
            double x = dd.x(mdd.troughTime());
            double y = dd.y(-mdd.depth());
            StringBuilder note = new StringBuilder();
            note.append("<circle class=\"mdd-dot\" r=\"3.5\" cx=\"");
            SvgChart.num(note, x).append("\" cy=\"");
            SvgChart.num(note, y).append("\"><title>").append(esc(ddTitle)).append("</title></circle>");
            // Below the trough, towards the middle of the chart.
            boolean leftSide = x > SvgChart.LEFT + SvgChart.plotWidth() * 0.5;
            note.append("<text class=\"mdd-note\" text-anchor=\"").append(leftSide ? "end" : "start").append("\" x=\"");
            SvgChart.num(note, leftSide ? x - 4 : x + 4).append("\" y=\"");
            SvgChart.num(note, y + 15).append("\">max drawdown ")
                    .append(esc(ReportFormat.pct(-mdd.depth()))).append("</text>\n");
            dd.overlay(note.toString());
        }
        sb.append("<div class=\"legend\" style=\"margin-top:6px\">")
                .append("<span><svg viewBox=\"0 0 22 12\"><rect class=\"dd-area\" x=\"1\" y=\"2\" width=\"20\" height=\"10\"/>"
                        + "<line class=\"dd-line\" x1=\"1\" x2=\"21\" y1=\"2\" y2=\"2\"/></svg>Drawdown: equity below its running peak</span>")
                .append("</div>\n");
        sb.append(dd.render());
        sb.append("</section>\n");
    }

    private static String legendLine(String cls, String label) {
        return "<span><svg viewBox=\"0 0 22 12\"><line class=\"" + cls + "\" x1=\"1\" x2=\"21\" y1=\"6\" y2=\"6\"/></svg>"
                + esc(label) + "</span>";
    }

    private static void prices(StringBuilder sb, RunResult run, long[] span) {
        List<ClosedTrade> marked = marked(run.trades());
        int chart = 0;
        for (ColumnarBarSeries s : run.data()) {
            String symbol = s.instrument().symbol();
            List<ClosedTrade> mine = new ArrayList<>();
            for (ClosedTrade t : marked) {
                if (t.instrument().symbol().equals(symbol)) {
                    mine.add(t);
                }
            }
            long total = run.trades().stream().filter(t -> t.instrument().symbol().equals(symbol)).count();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.size(); i++) {
                double c = s.close(i);
                if (Double.isFinite(c)) {
                    min = Math.min(min, c);
                    max = Math.max(max, c);
                }
            }
            for (ClosedTrade t : mine) {
                min = Math.min(min, Math.min(t.entryPrice(), t.exitPrice()));
                max = Math.max(max, Math.max(t.entryPrice(), t.exitPrice()));
            }
            if (!(min <= max)) {
                min = 0;
                max = 1;
            }
            double[] range = SvgChart.padded(min, max, 0.05);
            // Share the equity chart's time axis, unless this series covers only a small part of it
            // (instruments from different periods): then it gets its own.
            long from = s.time(0);
            long to = s.time(s.size() - 1);
            boolean own = (double) (to - from) < 0.8 * (span[1] - span[0]);
            sb.append("<section>\n<h2>").append(esc(symbol)).append(" &middot; close price and trades</h2>\n");
            boolean longs = mine.stream().anyMatch(t -> t.direction() == ClosedTrade.Direction.LONG);
            boolean shorts = mine.stream().anyMatch(t -> t.direction() == ClosedTrade.Direction.SHORT);
            sb.append("<div class=\"legend\">").append(legendLine("price", "Close"));
            if (longs) {
                sb.append("<span><svg viewBox=\"0 0 22 12\"><path class=\"swatch-win\" fill=\"currentColor\" d=\"M6,1l5,9h-10z\"/>"
                        + "<path class=\"swatch-loss\" fill=\"currentColor\" d=\"M16,1l5,9h-10z\"/></svg>Long entry</span>");
            }
            if (shorts) {
                sb.append("<span><svg viewBox=\"0 0 22 12\"><path class=\"swatch-win\" fill=\"currentColor\" d=\"M6,11l5,-9h-10z\"/>"
                        + "<path class=\"swatch-loss\" fill=\"currentColor\" d=\"M16,11l5,-9h-10z\"/></svg>Short entry</span>");
            }
            sb.append("<span><svg viewBox=\"0 0 22 12\"><circle class=\"swatch-win\" cx=\"6\" cy=\"6\" r=\"3.5\" fill=\"#fff\" "
                            + "stroke=\"currentColor\" stroke-width=\"1.5\"/><circle class=\"swatch-loss\" cx=\"16\" cy=\"6\" r=\"3.5\" "
                            + "fill=\"#fff\" stroke=\"currentColor\" stroke-width=\"1.5\"/></svg>Exit</span>")
                    .append("<span><b class=\"pos\">&#9632;</b> win &nbsp;<b class=\"neg\">&#9632;</b> loss</span>")
                    .append("</div>\n");
            SvgChart price = new SvgChart("price-" + chart++, symbol + " close price with trades", 360,
                    own ? from : span[0], own ? to : span[1],
                    range[0], range[1], SvgChart.Scale.NUMBER);
            price.line(s.size(), s::time, s::close, "price");
            StringBuilder marks = new StringBuilder(mine.size() * 320);
            for (ClosedTrade t : mine) {
                marker(marks, price, t);
            }
            price.overlay(marks.toString());
            sb.append(price.render());
            if (mine.size() < total) {
                sb.append("<p class=\"note\">Marked: the ").append(String.format(Locale.ROOT, "%,d", mine.size()))
                        .append(" trades with the largest gains and losses (by return) of ").append(String.format(Locale.ROOT, "%,d", total))
                        .append("; the trades table and CSV list every trade.</p>\n");
            }
            if (own) {
                sb.append("<p class=\"note\">This chart has its own time axis: its data cover only part of the run's period.</p>\n");
            }
            sb.append("<p class=\"note\">Hover a marker for the trade; hover the chart for a crosshair.</p>\n");
            sb.append("</section>\n");
        }
    }

    /**
     * The trades to mark: all of them, or the {@link #MAX_MARKED_TRADES} largest by |return on
     * notional| (scale-free, so a compounding account does not crowd out its early or late trades),
     * in their original order.
     */
    static List<ClosedTrade> marked(List<ClosedTrade> trades) {
        if (trades.size() <= MAX_MARKED_TRADES) {
            return trades;
        }
        Integer[] order = new Integer[trades.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(trades.get(i).returnOnNotional()))
                .thenComparingInt(i -> i));
        boolean[] keep = new boolean[trades.size()];
        for (int k = 0; k < MAX_MARKED_TRADES; k++) {
            keep[order[k]] = true;
        }
        List<ClosedTrade> out = new ArrayList<>(MAX_MARKED_TRADES);
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out.add(trades.get(i));
            }
        }
        return out;
    }

    private static void marker(StringBuilder sb, SvgChart c, ClosedTrade t) {
        boolean isLong = t.direction() == ClosedTrade.Direction.LONG;
        double x0 = c.x(t.entryTime());
        double y0 = c.y(t.entryPrice());
        double x1 = c.x(t.exitTime());
        double y1 = c.y(t.exitPrice());
        sb.append("<g class=\"trade ").append(t.isWin() ? "win" : "loss").append("\"><title>").append(esc(tooltip(t)))
                .append("</title><line class=\"hold\" x1=\"");
        SvgChart.num(sb, x0).append("\" y1=\"");
        SvgChart.num(sb, y0).append("\" x2=\"");
        SvgChart.num(sb, x1).append("\" y2=\"");
        SvgChart.num(sb, y1).append("\"/><path class=\"entry ").append(isLong ? "long" : "short").append("\" d=\"M");
        // A triangle centred on the fill price: apex up for a long entry, down for a short one.
        SvgChart.num(sb, x0).append(',');
        SvgChart.num(sb, isLong ? y0 - 5.5 : y0 + 5.5).append(isLong ? "l5,9h-10z" : "l5,-9h-10z").append("\"/>");
        sb.append("<circle class=\"exit\" r=\"3.2\" cx=\"");
        SvgChart.num(sb, x1).append("\" cy=\"");
        SvgChart.num(sb, y1).append("\"/></g>\n");
    }

    private static String tooltip(ClosedTrade t) {
        String side = t.direction() == ClosedTrade.Direction.LONG ? "Long" : "Short";
        StringBuilder s = new StringBuilder();
        s.append(side).append(' ').append(t.instrument().symbol()).append(t.isWin() ? " \u2014 win" : " \u2014 loss").append('\n');
        s.append("Entry ").append(Times.iso(t.entryTime())).append(" @ ").append(ReportFormat.number(t.entryPrice()));
        if (t.entryReason() != null && !t.entryReason().isBlank()) {
            s.append(" (").append(t.entryReason()).append(')');
        }
        s.append('\n');
        s.append("Exit  ").append(Times.iso(t.exitTime())).append(" @ ").append(ReportFormat.number(t.exitPrice()));
        if (t.exitReason() != null && !t.exitReason().isBlank()) {
            s.append(" (").append(t.exitReason()).append(')');
        }
        s.append('\n');
        s.append("Qty ").append(ReportFormat.number(t.quantity())).append(", PnL ").append(signedMoney(t.pnl()))
                .append(" (").append(ReportFormat.pct(t.returnOnNotional())).append("), fees ").append(ReportFormat.money(t.fees()));
        return s.toString();
    }

    private static void instruments(StringBuilder sb, BacktestReport r) {
        sb.append("<section>\n<h2>By instrument</h2>\n<table class=\"data\">\n<thead><tr><th>Instrument</th>"
                + "<th class=\"num\">Trades</th><th class=\"num\">Won</th><th class=\"num\">Win rate</th>"
                + "<th class=\"num\">PnL</th><th class=\"num\">Fees</th></tr></thead>\n<tbody>\n");
        for (InstrumentPnl i : r.instruments()) {
            sb.append("<tr><td>").append(esc(i.instrument())).append("</td><td class=\"num\">").append(i.trades())
                    .append("</td><td class=\"num\">").append(i.wins()).append("</td><td class=\"num\">")
                    .append(ReportFormat.pct(i.trades() == 0 ? Double.NaN : (double) i.wins() / i.trades()))
                    .append("</td><td class=\"num").append(sign(i.pnl())).append("\">").append(ReportFormat.money(i.pnl()))
                    .append("</td><td class=\"num\">").append(ReportFormat.money(i.fees())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void trades(StringBuilder sb, List<ClosedTrade> trades) {
        int total = trades.size();
        int first = Math.max(0, total - MAX_TABLE_TRADES);
        sb.append("<section>\n<h2>Trades</h2>\n");
        if (total == 0) {
            sb.append("<p class=\"note\">No trades.</p>\n</section>\n");
            return;
        }
        if (first > 0) {
            sb.append("<p class=\"note\" style=\"margin:0 0 8px\">Showing the last ").append(String.format(Locale.ROOT, "%,d", total - first))
                    .append(" of ").append(String.format(Locale.ROOT, "%,d", total)).append(" trades; the ")
                    .append(String.format(Locale.ROOT, "%,d", first))
                    .append(" earlier ones are omitted here. The trades CSV export lists them all.</p>\n");
        }
        sb.append("<div class=\"scroll\">\n<table class=\"data\">\n<thead><tr><th class=\"num\">#</th><th>Instrument</th><th>Side</th>"
                + "<th>Entry time</th><th class=\"num\">Entry</th><th>Exit time</th><th class=\"num\">Exit</th>"
                + "<th class=\"num\">Quantity</th><th class=\"num\">PnL</th><th class=\"num\">Return</th>"
                + "<th class=\"num\">Fees</th><th>Exit reason</th></tr></thead>\n<tbody>\n");
        for (int i = first; i < total; i++) {
            ClosedTrade t = trades.get(i);
            sb.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>").append(esc(t.instrument().symbol()))
                    .append("</td><td>").append(t.direction() == ClosedTrade.Direction.LONG ? "long" : "short")
                    .append("</td><td>").append(Times.iso(t.entryTime())).append("</td><td class=\"num\">")
                    .append(ReportFormat.number(t.entryPrice())).append("</td><td>").append(Times.iso(t.exitTime()))
                    .append("</td><td class=\"num\">").append(ReportFormat.number(t.exitPrice()))
                    .append("</td><td class=\"num\">").append(ReportFormat.number(t.quantity()))
                    .append("</td><td class=\"num").append(sign(t.pnl())).append("\">").append(signedMoney(t.pnl()))
                    .append("</td><td class=\"num").append(sign(t.pnl())).append("\">").append(ReportFormat.pct(t.returnOnNotional()))
                    .append("</td><td class=\"num\">").append(ReportFormat.money(t.fees()))
                    .append("</td><td>").append(esc(t.exitReason())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static String sign(double v) {
        return v > 0 ? " pos" : v < 0 ? " neg" : "";
    }

    private static String signedMoney(double v) {
        return (v > 0 ? "+" : "") + ReportFormat.money(v);
    }

    private static String esc(String s) {
        return Html.escape(s);
    }

    static String resource(String name) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
