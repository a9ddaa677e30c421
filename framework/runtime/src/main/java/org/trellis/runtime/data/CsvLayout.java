package org.trellis.runtime.data;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Where the columns of a bar CSV are (by header name, case-insensitive) and how its times read.
 * The default is {@code date,open,high,low,close,volume} with automatic time detection in UTC.
 */
public record CsvLayout(String time, String open, String high, String low, String close, String volume,
                        String timeFormat, ZoneId zone, char delimiter) {
    public CsvLayout {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(timeFormat, "timeFormat");
        Objects.requireNonNull(zone, "zone");
    }

    public static CsvLayout standard() {
        return new CsvLayout("date", "open", "high", "low", "close", "volume", "auto", ZoneId.of("UTC"), ',');
    }
}
