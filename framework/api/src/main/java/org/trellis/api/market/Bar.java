package org.trellis.api.market;

/**
 * One OHLCV bar. {@link #time()} is the bar's open time in epoch milliseconds; the bar is complete
 * at {@code time() + duration}.
 *
 * <p>The engine hands parts a reused cursor implementing this interface, so that stepping through
 * a series allocates nothing: read the values you need during the call, never keep the reference.
 */
public interface Bar {
    long time();

    double open();

    double high();

    double low();

    double close();

    double volume();
}
