package org.trellis.runtime.report;

/** One instrument's share of a run. */
public record InstrumentPnl(String instrument, int trades, int wins, double pnl, double fees) {
}
