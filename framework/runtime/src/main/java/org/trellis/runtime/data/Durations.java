package org.trellis.runtime.data;

import java.util.Locale;

/** Bar sizes as people write them: {@code 30s}, {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}. */
public final class Durations {
    private Durations() {
    }

    public static long parseMillis(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.length() < 2) {
            throw new IllegalArgumentException("bar size '" + text + "' should look like 30s, 1m, 5m, 1h or 1d");
        }
        long unit = switch (s.charAt(s.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> throw new IllegalArgumentException("bar size '" + text + "' should end in s, m, h or d");
        };
        try {
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bar size '" + text + "' should be a positive number and a unit, e.g. 5m");
        }
    }

    /** The reverse: 60000 -> "1m"; sizes that are not a whole unit fall back to seconds or ms. */
    public static String format(long millis) {
        if (millis <= 0) {
            return "-";
        }
        if (millis % 86_400_000L == 0) {
            return millis / 86_400_000L + "d";
        }
        if (millis % 3_600_000L == 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0) {
            return millis / 60_000L + "m";
        }
        if (millis % 1_000L == 0) {
            return millis / 1_000L + "s";
        }
        return millis + "ms";
    }
}
