package org.trellis.api.market;

/** Read-only, time-ordered bars of one instrument, stored column-wise. */
public interface BarSeries {
    Instrument instrument();

    int size();

    long time(int index);

    double open(int index);

    double high(int index);

    double low(int index);

    double close(int index);

    double volume(int index);

    /** Typical spacing of the bars in milliseconds (e.g. 60_000 for 1-minute bars). */
    long barMillis();

    /** A cursor over this series, positioned at {@code index}; move it with {@link BarCursor#moveTo}. */
    default BarCursor cursor(int index) {
        BarCursor cursor = new BarCursor(this);
        cursor.moveTo(index);
        return cursor;
    }
}
