package org.trellis.api.risk;

import java.util.Objects;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;

/**
 * An order the engine intends to send, shown to the guards before it goes out.
 *
 * @param referencePrice the price the size was computed at (the signal bar's close)
 * @param probability the strategy's confidence, {@code NaN} when it has none
 */
public record OrderIntent(Instrument instrument, OrderSide side, double quantity, OrderPurpose purpose,
                          double referencePrice, double probability, long time) {
    public OrderIntent {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
    }

    public boolean isEntry() {
        return purpose == OrderPurpose.ENTRY;
    }
}
