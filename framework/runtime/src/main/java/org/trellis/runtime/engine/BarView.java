package org.trellis.runtime.engine;

import org.trellis.api.market.Bar;
import org.trellis.api.market.BarCursor;

/**
 * The engine's cursor as parts may see it: the current bar, read-only. A part handed the cursor
 * itself could cast it, move it, or reach the whole series, future bars included.
 */
final class BarView implements Bar {
    private final BarCursor cursor;

    BarView(BarCursor cursor) {
        this.cursor = cursor;
    }

    @Override
    public long time() {
        return cursor.time();
    }

    @Override
    public double open() {
        return cursor.open();
    }

    @Override
    public double high() {
        return cursor.high();
    }

    @Override
    public double low() {
        return cursor.low();
    }

    @Override
    public double close() {
        return cursor.close();
    }

    @Override
    public double volume() {
        return cursor.volume();
    }
}
