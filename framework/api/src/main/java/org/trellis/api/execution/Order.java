package org.trellis.api.execution;

import java.util.Objects;
import org.trellis.api.market.Instrument;

/**
 * An approved market order.
 *
 * @param id unique within a run, increasing
 * @param instrument what to trade
 * @param side buy or sell
 * @param quantity always positive
 * @param purpose entry, exit or forced exit
 * @param reason short code kept on the resulting trade (e.g. {@code signal}, {@code stop-loss})
 * @param submittedAt epoch ms of the bar close that produced it
 */
public record Order(long id, Instrument instrument, OrderSide side, double quantity, OrderPurpose purpose,
                    String reason, long submittedAt) {
    public Order {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(reason, "reason");
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("order quantity must be positive and finite, got " + quantity);
        }
    }
}
