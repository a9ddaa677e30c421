package org.trellis.runtime.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeated {@code key=value} options such as {@code --param fast=10}. */
final class KeyValues {
    private KeyValues() {
    }

    static Map<String, String> parse(List<String> pairs, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        if (pairs == null) {
            return out;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + " expects key=value, got '" + pair + "'");
            }
            String key = pair.substring(0, eq).trim();
            if (out.put(key, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException(option + " " + key + " is given twice");
            }
        }
        return out;
    }
}
