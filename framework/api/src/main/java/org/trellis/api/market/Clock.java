package org.trellis.api.market;

/**
 * The time a run lives in. In backtests it is the time of the bar being processed; in paper and live
 * mode the wall clock. Parts must ask it instead of {@code System.currentTimeMillis()} so that the
 * same code behaves identically in every mode.
 */
@FunctionalInterface
public interface Clock {
    long nowMillis();
}
