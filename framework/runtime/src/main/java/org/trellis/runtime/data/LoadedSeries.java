package org.trellis.runtime.data;

/** A loaded series and what, if anything, was skipped to get it. */
public record LoadedSeries(ColumnarBarSeries series, SkippedRows skipped) {
}
