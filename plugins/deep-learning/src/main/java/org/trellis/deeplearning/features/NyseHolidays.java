package org.trellis.deeplearning.features;

/**
 * NYSE full-day closures computed by rule, never fetched: New Year's Day, Martin Luther King Jr. Day
 * (third Monday of January, from 1998), Washington's Birthday (third Monday of February), Good Friday,
 * Memorial Day (last Monday of May), Juneteenth (June 19, from 2022), Independence Day, Labor Day
 * (first Monday of September), Thanksgiving (fourth Thursday of November) and Christmas.
 *
 * <p>Fixed-date holidays falling on a Saturday are observed on the Friday before, on a Sunday on the
 * Monday after; except New Year's Day on a Saturday, which the NYSE does not observe on the preceding
 * December 31 (its rule 7.2: the exchange stays open on the last trading day of the year, as on
 * 2021-12-31). One-off closures (e.g. Hurricane Sandy 2012-10-29/30, national days of mourning such as
 * 2018-12-05 and 2025-01-09) follow no rule and are not flagged.
 *
 * <p>Dates are days since 1970-01-01 (UTC, proleptic Gregorian). Allocation-free: one instance caches
 * the closures of the last year asked about.
 */
final class NyseHolidays {
    private final long[] days = new long[12];
    private int count;
    private int cachedYear = Integer.MIN_VALUE;

    /** True when {@code epochDay} (a date in {@code year}) is an NYSE full-day closure. */
    boolean isHoliday(long epochDay, int year) {
        if (year != cachedYear) {
            fill(year);
        }
        for (int i = 0; i < count; i++) {
            if (days[i] == epochDay) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        cachedYear = Integer.MIN_VALUE;
        count = 0;
    }

    private void fill(int y) {
        count = 0;
        long newYear = daysFromCivil(y, 1, 1);
        int dow = dayOfWeek(newYear);
        if (dow == 6) {
            add(newYear + 1); // Sunday -> Monday; Saturday: not observed (NYSE rule 7.2)
        } else if (dow != 5) {
            add(newYear);
        }
        if (y >= 1998) {
            add(nthWeekday(y, 1, 0, 3));
        }
        add(nthWeekday(y, 2, 0, 3));
        add(easterSunday(y) - 2);
        add(lastWeekday(y, 5, 31, 0));
        if (y >= 2022) {
            add(observed(daysFromCivil(y, 6, 19)));
        }
        add(observed(daysFromCivil(y, 7, 4)));
        add(nthWeekday(y, 9, 0, 1));
        add(nthWeekday(y, 11, 3, 4));
        add(observed(daysFromCivil(y, 12, 25)));
        cachedYear = y;
    }

    private void add(long day) {
        days[count++] = day;
    }

    private static long observed(long day) {
        int dow = dayOfWeek(day);
        return dow == 5 ? day - 1 : dow == 6 ? day + 1 : day;
    }

    /** The {@code nth} (1-based) weekday {@code dow} (Monday = 0) of a month. */
    private static long nthWeekday(int y, int month, int dow, int nth) {
        long first = daysFromCivil(y, month, 1);
        return first + Math.floorMod(dow - dayOfWeek(first), 7) + 7L * (nth - 1);
    }

    /** The last weekday {@code dow} (Monday = 0) on or before the given last day of a month. */
    private static long lastWeekday(int y, int month, int lastDay, int dow) {
        long last = daysFromCivil(y, month, lastDay);
        return last - Math.floorMod(dayOfWeek(last) - dow, 7);
    }

    /** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static long easterSunday(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return daysFromCivil(y, month, day);
    }

    /** Day of week of an epoch day, Monday = 0 .. Sunday = 6 (as pandas' {@code dayofweek}). */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400L);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
