package org.trellis.runtime.report;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * One time-series panel as inline SVG: a UTC time axis, a value axis with round ticks, light
 * grid lines, and layers added by the caller (shaded time spans, lines, areas, markers). Every
 * chart of a report has the same width and margins, so panels stacked on the page share their
 * time axis exactly. Lines are thinned by {@link Downsampler} to at most {@link #MAX_POINTS}.
 */
final class SvgChart {
    static final int WIDTH = 1120;
    static final int LEFT = 78;
    static final int RIGHT = 28;
    static final int TOP = 12;
    static final int BOTTOM = 40;
    static final int MAX_POINTS = 2000;

    /** How value-axis labels are written. */
    enum Scale {
        NUMBER,
        PERCENT
    }

    private final String id;
    private final String label;
    private final int height;
    private final long t0;
    private final long t1;
    private final double v0;
    private final double v1;
    private final Scale scale;
    private final StringBuilder bands = new StringBuilder();
    private final StringBuilder series = new StringBuilder();
    private final StringBuilder front = new StringBuilder();
    private boolean hasSeries;

    /**
     * @param id unique element id on the page
     * @param label accessible description of the chart
     * @param t0 time at the left edge of the plot (epoch ms); {@code t1} at the right edge
     * @param v0 value at the bottom edge of the plot; {@code v1} at the top edge
     */
    SvgChart(String id, String label, int height, long t0, long t1, double v0, double v1, Scale scale) {
        this.id = id;
        this.label = label;
        this.height = height;
        this.t0 = t0;
        this.t1 = t1 > t0 ? t1 : t0 + 1;
        boolean flat = !(v1 > v0);
        double pad = Math.max(Math.abs(v0) * 0.01, 1e-9);
        this.v0 = flat ? v0 - pad : v0;
        this.v1 = flat ? v0 + pad : v1;
        this.scale = scale;
    }

    /** The range {@code [min, max]} widened by {@code fraction} of its size at both ends. */
    static double[] padded(double min, double max, double fraction) {
        double pad = (max - min) * fraction;
        return new double[] {min - pad, max + pad};
    }

    double x(long t) {
        return LEFT + (double) (t - t0) / (t1 - t0) * plotWidth();
    }

    double y(double v) {
        return TOP + (v1 - v) / (v1 - v0) * plotHeight();
    }

    static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    int plotHeight() {
        return height - TOP - BOTTOM;
    }

    /** Shades the time span {@code [from, to]} over the full plot height. */
    SvgChart band(long from, long to, String cssClass, String title) {
        double a = clampX(x(from));
        double b = clampX(x(to));
        bands.append("<rect class=\"").append(cssClass).append("\" x=\"");
        num(bands, a).append("\" y=\"").append(TOP).append("\" width=\"");
        num(bands, Math.max(1, b - a)).append("\" height=\"").append(plotHeight()).append("\">");
        if (title != null) {
            bands.append("<title>").append(Html.escape(title)).append("</title>");
        }
        bands.append("</rect>");
        for (double edge : new double[] {a, b}) {
            bands.append("<line class=\"").append(cssClass).append("-edge\" y1=\"").append(TOP).append("\" y2=\"")
                    .append(TOP + plotHeight()).append("\" x1=\"");
            num(bands, edge).append("\" x2=\"");
            num(bands, edge).append("\"/>");
        }
        bands.append('\n');
        return this;
    }

    /** A horizontal reference line at value {@code v}. */
    SvgChart rule(double v, String cssClass) {
        series.append("<line class=\"").append(cssClass).append("\" x1=\"").append(LEFT).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y1=\"");
        num(series, y(v)).append("\" y2=\"");
        num(series, y(v)).append("\"/>\n");
        return this;
    }

    /**
     * A line through points {@code (t(i), v(i))}, thinned for drawing. The first line added is
     * the chart's main series: the hover read-out reads its values.
     */
    SvgChart line(int n, IntToLongFunction t, IntToDoubleFunction v, String cssClass) {
        int[] keep = Downsampler.minMax(n, t, v, MAX_POINTS);
        series.append("<polyline class=\"").append(cssClass).append(hasSeries ? "" : " series").append("\" points=\"");
        points(series, keep, t, v);
        series.append("\"/>\n");
        hasSeries = true;
        return this;
    }

    /** The region between a line and the value {@code base}, thinned like {@link #line}. */
    SvgChart area(int n, IntToLongFunction t, IntToDoubleFunction v, double base, String cssClass) {
        int[] keep = Downsampler.minMax(n, t, v, MAX_POINTS);
        if (keep.length == 0) {
            return this;
        }
        series.append("<polygon class=\"").append(cssClass).append("\" points=\"");
        num(series, x(t.applyAsLong(keep[0]))).append(',');
        num(series, y(base)).append(' ');
        points(series, keep, t, v);
        series.append(' ');
        num(series, x(t.applyAsLong(keep[keep.length - 1]))).append(',');
        num(series, y(base));
        series.append("\"/>\n");
        return this;
    }

    /** Raw SVG drawn above everything else (markers, annotations); positions come from {@link #x} and {@link #y}. */
    SvgChart overlay(String svg) {
        front.append(svg);
        return this;
    }

    String render() {
        StringBuilder sb = new StringBuilder(4096 + bands.length() + series.length() + front.length());
        int bottom = TOP + plotHeight();
        sb.append("<svg class=\"chart\" id=\"").append(id).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(label))
                .append("\" data-t0=\"").append(t0).append("\" data-t1=\"").append(t1)
                .append("\" data-x0=\"").append(LEFT).append("\" data-x1=\"").append(WIDTH - RIGHT)
                .append("\" data-y0=\"").append(bottom).append("\" data-y1=\"").append(TOP)
                .append("\" data-v0=\"").append(v0).append("\" data-v1=\"").append(v1)
                .append("\" data-scale=\"").append(scale == Scale.PERCENT ? "pct" : "num").append("\">\n");

        double step = Ticks.niceStep(v1 - v0, Math.max(3, plotHeight() / 45));
        List<Ticks.ValueTick> values = Ticks.values(v0, v1, step, scale == Scale.PERCENT);
        sb.append("<g class=\"grid\">");
        for (Ticks.ValueTick tick : values) {
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"");
            num(sb, y(tick.value())).append("\" y2=\"");
            num(sb, y(tick.value())).append("\"/>");
        }
        List<Ticks.TimeTick> times = Ticks.time(t0, t1, Math.max(2, plotWidth() / 110));
        for (Ticks.TimeTick tick : times) {
            sb.append("<line class=\"v\" y1=\"").append(TOP).append("\" y2=\"").append(bottom).append("\" x1=\"");
            num(sb, x(tick.time())).append("\" x2=\"");
            num(sb, x(tick.time())).append("\"/>");
        }
        sb.append("</g>\n");
        sb.append(bands);
        sb.append("<g class=\"axis\">");
        for (Ticks.ValueTick tick : values) {
            sb.append("<text class=\"y\" x=\"").append(LEFT - 8).append("\" y=\"");
            num(sb, y(tick.value()) + 4).append("\">").append(Html.escape(tick.label())).append("</text>");
        }
        for (Ticks.TimeTick tick : times) {
            sb.append("<text class=\"t\" x=\"");
            num(sb, x(tick.time())).append("\" y=\"").append(bottom + 16).append("\">")
                    .append(Html.escape(tick.label())).append("</text>");
            if (!tick.context().isEmpty()) {
                sb.append("<text class=\"t ctx\" x=\"");
                num(sb, x(tick.time())).append("\" y=\"").append(bottom + 30).append("\">")
                        .append(Html.escape(tick.context())).append("</text>");
            }
        }
        sb.append("<line class=\"base\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(bottom).append("\" y2=\"").append(bottom).append("\"/>");
        sb.append("</g>\n");
        sb.append(series);
        sb.append(front);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private void points(StringBuilder sb, int[] keep, IntToLongFunction t, IntToDoubleFunction v) {
        for (int k = 0; k < keep.length; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            num(sb, x(t.applyAsLong(keep[k]))).append(',');
            num(sb, y(v.applyAsDouble(keep[k])));
        }
    }

    private static double clampX(double x) {
        return Math.max(LEFT, Math.min(WIDTH - RIGHT, x));
    }

    /** Appends a coordinate rounded to 0.1, without a trailing ".0": compact and locale-free. */
    static StringBuilder num(StringBuilder sb, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        sb.append(tenths / 10);
        if (tenths % 10 != 0) {
            sb.append('.').append(tenths % 10);
        }
        return sb;
    }
}
