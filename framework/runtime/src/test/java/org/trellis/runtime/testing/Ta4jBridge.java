package org.trellis.runtime.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.trellis.api.market.BarSeries;

/**
 * Turns Trellis data into ta4j 0.17 objects, so that ta4j can serve as an independent reference.
 * Every price goes through {@link DoubleNum}, i.e. the very same doubles Trellis computes with.
 */
public final class Ta4jBridge {
    private Ta4jBridge() {
    }

    /** The same bars as a ta4j series of {@link DoubleNum}; bar {@code i} here is bar {@code i} there. */
    public static org.ta4j.core.BarSeries toTa4j(BarSeries series) {
        return toTa4j(series, Ta4jBridge::num);
    }

    /**
     * The same bars as a ta4j series of {@link DecimalNum}, each price read as the decimal that
     * {@link Double#toString} prints (for exchange data, the price as quoted): sums and averages of
     * such prices are exact to 32 digits, so ties are ties, with no binary rounding in between.
     */
    public static org.ta4j.core.BarSeries toTa4jDecimal(BarSeries series) {
        return toTa4j(series, v -> DecimalNum.valueOf(Double.toString(v)));
    }

    private static org.ta4j.core.BarSeries toTa4j(BarSeries series, DoubleFunction<Num> num) {
        Num probe = num.apply(0);
        org.ta4j.core.BarSeries out = new BaseBarSeriesBuilder().withName(series.instrument().symbol())
                .withNumTypeOf(probe).build();
        long millis = series.barMillis() > 0 ? series.barMillis() : 60_000L;
        Duration period = Duration.ofMillis(millis);
        for (int i = 0; i < series.size(); i++) {
            ZonedDateTime end = Instant.ofEpochMilli(series.time(i) + millis).atZone(ZoneOffset.UTC);
            out.addBar(new BaseBar(period, end, num.apply(series.open(i)), num.apply(series.high(i)),
                    num.apply(series.low(i)), num.apply(series.close(i)), num.apply(series.volume(i)), probe, 0));
        }
        if (out.getBarCount() != series.size()) {
            throw new IllegalStateException("ta4j kept " + out.getBarCount() + " of " + series.size() + " bars");
        }
        return out;
    }

    public static Num num(double v) {
        return DoubleNum.valueOf(v);
    }

    /** An indicator's values as doubles, index by index. */
    public static double[] values(Indicator<Num> indicator, int size) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = indicator.getValue(i).doubleValue();
        }
        return out;
    }

    /**
     * A round trip by bar indices: entry and exit bar, and the prices ta4j filled at. {@code exit}
     * is -1 for a position still open when the data ended.
     */
    public record RoundTrip(int entry, int exit, double entryPrice, double exitPrice) {
    }

    /** Every position of a trading record, closed ones first in order, then the open one if any. */
    public static List<RoundTrip> roundTrips(TradingRecord record) {
        List<RoundTrip> out = new ArrayList<>();
        for (Position p : record.getPositions()) {
            out.add(new RoundTrip(p.getEntry().getIndex(), p.getExit().getIndex(),
                    p.getEntry().getPricePerAsset().doubleValue(), p.getExit().getPricePerAsset().doubleValue()));
        }
        Position current = record.getCurrentPosition();
        if (current.isOpened()) {
            out.add(new RoundTrip(current.getEntry().getIndex(), -1, current.getEntry().getPricePerAsset().doubleValue(),
                    Double.NaN));
        }
        return out;
    }
}
