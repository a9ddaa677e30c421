package org.trellis.runtime.data;

/**
 * How strict loading is. By default the first bad row stops the load with a located error; with
 * {@code skipBadRows} bad rows are counted, the first few described, and the rest of the file used.
 */
public record LoadOptions(boolean skipBadRows) {
    public static LoadOptions strict() {
        return new LoadOptions(false);
    }

    public static LoadOptions lenient() {
        return new LoadOptions(true);
    }
}
