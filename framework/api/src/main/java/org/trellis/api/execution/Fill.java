package org.trellis.api.execution;

import java.util.Objects;

/**
 * The execution of an {@link Order}.
 *
 * @param order what was filled
 * @param quantity filled quantity (positive; may be less than ordered)
 * @param price execution price after slippage
 * @param fee fee paid in account currency
 * @param time epoch ms of the execution
 */
public record Fill(Order order, double quantity, double price, double fee, long time) {
    public Fill {
        Objects.requireNonNull(order, "order");
        if (!(quantity > 0)) {
            throw new IllegalArgumentException("fill quantity must be positive, got " + quantity);
        }
        if (!(price >= 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("fill price must be finite and >= 0, got " + price);
        }
    }
}
