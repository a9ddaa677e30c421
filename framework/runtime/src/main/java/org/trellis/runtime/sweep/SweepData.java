package org.trellis.runtime.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.trellis.api.market.Instrument;
import org.trellis.api.market.InstrumentKind;
import org.trellis.runtime.data.ColumnarBarSeries;

/**
 * The market data of a sweep in a form that travels: plain columns, serialised once and shipped to
 * every executor once (a Spark broadcast), then rebuilt into series once per executor JVM.
 */
public final class SweepData implements Serializable {
    private static final long serialVersionUID = 1L;

    private record Columns(String symbol, String kind, long expiry, String source, long[] time, double[] open, double[] high,
                           double[] low, double[] close, double[] volume) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final List<Columns> columns;
    private transient volatile List<ColumnarBarSeries> series;

    private SweepData(List<Columns> columns, List<ColumnarBarSeries> series) {
        this.columns = columns;
        this.series = series;
    }

    public static SweepData of(List<ColumnarBarSeries> data) {
        List<Columns> cols = new ArrayList<>();
        for (ColumnarBarSeries s : data) {
            int n = s.size();
            long[] t = new long[n];
            double[] o = new double[n];
            double[] h = new double[n];
            double[] l = new double[n];
            double[] c = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = s.time(i);
                o[i] = s.open(i);
                h[i] = s.high(i);
                l[i] = s.low(i);
                c[i] = s.close(i);
                v[i] = s.volume(i);
            }
            Instrument ins = s.instrument();
            cols.add(new Columns(ins.symbol(), ins.kind().name(), ins.expiryMillis(), s.source(), t, o, h, l, c, v));
        }
        return new SweepData(List.copyOf(cols), List.copyOf(data));
    }

    /** The series (rebuilt on first use after travelling). */
    public List<ColumnarBarSeries> series() {
        List<ColumnarBarSeries> s = series;
        if (s == null) {
            synchronized (this) {
                if (series == null) {
                    List<ColumnarBarSeries> built = new ArrayList<>();
                    for (Columns c : columns) {
                        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(
                                new Instrument(c.symbol(), InstrumentKind.valueOf(c.kind()), c.expiry()), c.source());
                        for (int i = 0; i < c.time().length; i++) {
                            b.add(c.time()[i], c.open()[i], c.high()[i], c.low()[i], c.close()[i], c.volume()[i]);
                        }
                        built.add(b.build());
                    }
                    series = List.copyOf(built);
                }
                s = series;
            }
        }
        return s;
    }

    /** Bars with {@code from <= time < to} of every series; the whole series when unbounded. */
    public List<ColumnarBarSeries> window(long from, long to) {
        if (from == Long.MIN_VALUE && to == Long.MAX_VALUE) {
            return series();
        }
        return series().stream().map(s -> s.between(from, to)).toList();
    }

    /** First bar time and last bar time + 1 over all series. */
    public long[] span() {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (ColumnarBarSeries s : series()) {
            start = Math.min(start, s.time(0));
            end = Math.max(end, s.time(s.size() - 1) + 1);
        }
        return new long[] {start, end};
    }
}
