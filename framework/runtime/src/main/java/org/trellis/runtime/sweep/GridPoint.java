package org.trellis.runtime.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One combination of a grid: its number and a value per parameter, in the grid's order.
 *
 * @param index the point's place in {@link Grid#points()}
 */
public record GridPoint(int index, Map<String, Object> values) implements Serializable {
    private static final long serialVersionUID = 1L;

    public GridPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A value as text, the same on every machine: 5, 0.025, true, next-open. */
    public static String text(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** {@code fast=5 slow=20}. */
    public String label() {
        StringJoiner j = new StringJoiner(" ");
        values.forEach((k, v) -> j.add(k + "=" + text(v)));
        return j.toString();
    }

    /**
     * The run's seed: derived from the base seed and the point's values alone (never from where or when
     * the task runs), so a combination gets the same seed in every sweep, on any number of cores.
     */
    public long seed(long base) {
        StringBuilder s = new StringBuilder().append(base);
        // by name, not by --grid order: swapping two flags must not change a combination's seed
        new java.util.TreeMap<>(values).forEach((k, v) -> s.append('|').append(k).append('=').append(text(v)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
