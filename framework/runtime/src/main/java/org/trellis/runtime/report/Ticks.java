package org.trellis.runtime.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round-numbered axis ticks: calendar-aligned UTC times, and 1-2-5 steps for values. */
final class Ticks {
    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** Fixed-length steps, then calendar months (negative: -k means k months). */
    private static final long[] TIME_STEPS = {SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE,
        15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY,
        -1, -2, -3, -6, -12, -24, -60, -120, -240, -600, -1200};
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

    private Ticks() {
    }

    /** A time tick: its main label, and a second line (the date or year) where that changes. */
    record TimeTick(long time, String label, String context) {
    }

    /** A value tick and its label. */
    record ValueTick(double value, String label) {
    }

    /** At most {@code maxTicks} ticks inside {@code [from, to]}, on UTC calendar boundaries. */
    static List<TimeTick> time(long from, long to, int maxTicks) {
        long span = Math.max(1, to - from);
        long step = TIME_STEPS[TIME_STEPS.length - 1];
        for (long s : TIME_STEPS) {
            long approx = s > 0 ? s : -s * 30 * DAY;
            if (span / approx < maxTicks) {
                step = s;
                break;
            }
        }
        List<Long> times = new ArrayList<>();
        if (step > 0) {
            // Epoch ms 0 is a UTC midnight; weeks start on Monday (the epoch was a Thursday).
            long offset = step == 7 * DAY ? 4 * DAY : 0;
            long t = Math.floorDiv(from - offset + step - 1, step) * step + offset;
            for (; t <= to; t += step) {
                times.add(t);
            }
        } else {
            int months = (int) -step;
            LocalDate d = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
            long index = d.getYear() * 12L + d.getMonthValue() - 1;
            index = Math.floorDiv(index + months - 1, months) * months;
            while (true) {
                LocalDate m = LocalDate.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1, 1);
                long t = m.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                if (t < from) {
                    index += months;
                    continue;
                }
                if (t > to) {
                    break;
                }
                times.add(t);
                index += months;
            }
        }
        List<TimeTick> ticks = new ArrayList<>(times.size());
        ZonedDateTime previous = null;
        for (long t : times) {
            ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
            String label;
            String context = "";
            if (step > 0 && step < MINUTE) {
                label = HMS.format(z);
                context = previous == null || !previous.toLocalDate().equals(z.toLocalDate()) ? DAY_MONTH_YEAR.format(z) : "";
            } else if (step > 0 && step < DAY) {
                label = HM.format(z);
                context = previous == null || !previous.toLocalDate().equals(z.toLocalDate()) ? DAY_MONTH_YEAR.format(z) : "";
            } else if (step > 0) {
                label = DAY_MONTH.format(z);
                context = previous == null || previous.getYear() != z.getYear() ? YEAR.format(z) : "";
            } else if (-step < 12) {
                label = MONTH.format(z);
                context = previous == null || previous.getYear() != z.getYear() ? YEAR.format(z) : "";
            } else {
                label = YEAR.format(z);
            }
            ticks.add(new TimeTick(t, label, context));
            previous = z;
        }
        return ticks;
    }

    /** The step of the 1-2-2.5-5 sequence nearest to giving {@code target} ticks over the range. */
    static double niceStep(double range, int target) {
        if (!(range > 0) || !Double.isFinite(range)) {
            return 1;
        }
        double raw = range / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Ticks at multiples of {@code step} inside {@code [min, max]}, labelled with as many decimals as the step needs. */
    static List<ValueTick> values(double min, double max, double step, boolean percent) {
        List<ValueTick> ticks = new ArrayList<>();
        double scale = percent ? 100 : 1;
        int decimals = decimals(step * scale);
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        for (long k = first; k <= last && ticks.size() < 100; k++) {
            double v = k * step;
            String label = String.format(Locale.ROOT, "%,." + decimals + "f", v * scale + 0.0);
            if (label.startsWith("-") && label.matches("-[0.,]*")) {
                label = label.substring(1); // no "-0.00"
            }
            ticks.add(new ValueTick(v, percent ? label + "%" : label));
        }
        return ticks;
    }

    private static int decimals(double step) {
        for (int d = 0; d < 10; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 10;
    }
}
