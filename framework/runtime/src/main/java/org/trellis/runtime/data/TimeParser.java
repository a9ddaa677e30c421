package org.trellis.runtime.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads a timestamp cell into epoch milliseconds. Formats: {@code auto} (epoch seconds or
 * milliseconds by magnitude, eight digits as {@code yyyyMMdd}, or ISO-8601 date / date-time with or
 * without offset),
 * {@code epoch-s}, {@code epoch-ms}, or a {@link DateTimeFormatter} pattern. Times without an
 * offset are read in {@code zone}.
 */
public final class TimeParser {
    /** Epoch values at or above this are milliseconds (it is 1973 in ms, year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final DateTimeFormatter SPACE_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]", Locale.ROOT);

    private final String format;
    private final ZoneId zone;
    private final DateTimeFormatter pattern;

    public TimeParser(String format, ZoneId zone) {
        this.format = format.toLowerCase(Locale.ROOT);
        this.zone = zone;
        this.pattern = switch (this.format) {
            case "auto", "epoch-s", "epoch-ms" -> null;
            default -> DateTimeFormatter.ofPattern(format, Locale.ROOT);
        };
    }

    public static TimeParser auto() {
        return new TimeParser("auto", ZoneId.of("UTC"));
    }

    /** @throws IllegalArgumentException with a message saying what was expected */
    public long parse(String text) {
        String s = text.trim();
        try {
            switch (format) {
                case "epoch-s":
                    return Math.multiplyExact(Long.parseLong(s), 1000L);
                case "epoch-ms":
                    return Long.parseLong(s);
                case "auto":
                    return parseAuto(s);
                default:
                    return parsePattern(s);
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a time (format " + format
                    + "; expected epoch seconds/ms or ISO-8601 such as 2013-11-25T00:00:00Z)");
        }
    }

    private long parseAuto(String s) {
        if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            if (s.length() == 8) {
                // yyyyMMdd, not epoch seconds of 1970: no market data file holds eight-digit epochs
                return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            long n = Long.parseLong(s);
            return n >= MILLIS_THRESHOLD ? n : Math.multiplyExact(n, 1000L);
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return Instant.parse(s).toEpochMilli();
            }
        }
        if (s.indexOf('T') > 0) {
            return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
        }
        return LocalDateTime.parse(s, SPACE_DATE_TIME).atZone(zone).toInstant().toEpochMilli();
    }

    private long parsePattern(String s) {
        var parsed = pattern.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (parsed instanceof OffsetDateTime odt) {
            return odt.toInstant().toEpochMilli();
        }
        if (parsed instanceof LocalDateTime ldt) {
            return ldt.atZone(zone).toInstant().toEpochMilli();
        }
        return ((LocalDate) parsed).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
