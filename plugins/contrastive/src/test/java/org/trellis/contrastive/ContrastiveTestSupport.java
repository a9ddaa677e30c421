package org.trellis.contrastive;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;
import org.trellis.api.market.Instrument;
import org.trellis.runtime.data.ColumnarBarSeries;

/** Shared helpers of the contrastive plugin's tests. */
public final class ContrastiveTestSupport {
    private ContrastiveTestSupport() {
    }

    /** The same bars as a ta4j 0.17 series of {@link DoubleNum}: the very doubles the code sees. */
    public static org.ta4j.core.BarSeries toTa4j(BarSeries series) {
        org.ta4j.core.BarSeries out = new BaseBarSeriesBuilder().withName(series.instrument().symbol())
                .withNumTypeOf(DoubleNum.class).build();
        long millis = series.barMillis() > 0 ? series.barMillis() : 60_000L;
        Duration period = Duration.ofMillis(millis);
        Num zero = DoubleNum.valueOf(0);
        for (int i = 0; i < series.size(); i++) {
            ZonedDateTime end = Instant.ofEpochMilli(series.time(i) + millis).atZone(ZoneOffset.UTC);
            out.addBar(new BaseBar(period, end, DoubleNum.valueOf(series.open(i)), DoubleNum.valueOf(series.high(i)),
                    DoubleNum.valueOf(series.low(i)), DoubleNum.valueOf(series.close(i)),
                    DoubleNum.valueOf(series.volume(i)), zero, 0));
        }
        if (out.getBarCount() != series.size()) {
            throw new IllegalStateException("ta4j kept " + out.getBarCount() + " of " + series.size() + " bars");
        }
        return out;
    }

    /** Rows of update-then-write, bar by bar, on the given instance after a reset. */
    public static double[][] incremental(FeatureSet set, BarSeries series) {
        set.reset();
        int width = set.names().size();
        double[][] rows = new double[series.size()][width];
        BarCursor cursor = new BarCursor(series);
        for (int i = 0; i < series.size(); i++) {
            set.update(cursor.moveTo(i));
            set.write(rows[i], 0);
        }
        return rows;
    }

    /** A seeded random walk of bars near {@code start}. */
    public static ColumnarBarSeries randomWalk(long seed, int size, double start, long t0, long barMillis) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("SYN"), "random walk " + seed);
        double c = start;
        for (int i = 0; i < size; i++) {
            double o = c;
            c = o * Math.exp(0.01 * (rnd.nextDouble() - 0.5));
            double h = Math.max(o, c) * (1 + 0.003 * rnd.nextDouble());
            double l = Math.min(o, c) * (1 - 0.003 * rnd.nextDouble());
            b.add(t0 + i * barMillis, o, h, l, c, rnd.nextDouble() * 100);
        }
        return b.build();
    }

    public static boolean sameBits(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
