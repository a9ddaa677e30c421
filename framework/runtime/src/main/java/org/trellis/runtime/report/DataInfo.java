package org.trellis.runtime.report;

/** One data series a run used. */
public record DataInfo(String source, String instrument, int bars, String barSize, String from, String to) {
}
