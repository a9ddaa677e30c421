package org.trellis.runtime.data;

/**
 * A bundled dataset: real market data read from a Maven artifact (never copied into the repo).
 *
 * @param name what users type after {@code --data}
 * @param symbol the instrument's symbol
 * @param description one line
 * @param provenance where the data comes from and under which licence
 * @param barSize human-readable bar size, or "trades" for a tape
 */
public record Dataset(String name, String symbol, String description, String provenance, String barSize) {
}
