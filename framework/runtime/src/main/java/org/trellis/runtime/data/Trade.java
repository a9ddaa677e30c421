package org.trellis.runtime.data;

/** One executed trade of a market's tape. */
public record Trade(long time, double price, double amount) {
}
