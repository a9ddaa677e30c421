package org.trellis.rl.market;

import java.util.SplittableRandom;
import org.trellis.rl.sim.Seeds;

/**
 * A simulated venue's failures, seeded: each book request fails with {@code apiErrorRate} (the asset
 * then has no fresh book for that tick) and each order with {@code orderFailureRate} (nothing trades).
 * What a circuit breaker on API errors and order failures has to catch.
 */
final class VenueFailures {
    private final double apiErrorRate;
    private final double orderFailureRate;
    private final SplittableRandom books;
    private final SplittableRandom orders;
    private int apiErrors;
    private int failedOrders;

    VenueFailures(double apiErrorRate, double orderFailureRate, long seed) {
        if (!(apiErrorRate >= 0 && apiErrorRate <= 1) || !(orderFailureRate >= 0 && orderFailureRate <= 1)) {
            throw new IllegalArgumentException("api-error-rate and order-failure-rate are probabilities in [0, 1], got "
                    + apiErrorRate + " and " + orderFailureRate);
        }
        this.apiErrorRate = apiErrorRate;
        this.orderFailureRate = orderFailureRate;
        this.books = new SplittableRandom(Seeds.derive(seed, "venue", "books"));
        this.orders = new SplittableRandom(Seeds.derive(seed, "venue", "orders"));
    }

    static VenueFailures none() {
        return new VenueFailures(0, 0, 0);
    }

    /** Whether this book request fails (asked once per asset per tick it is shown). */
    boolean bookFails() {
        boolean fails = apiErrorRate > 0 && books.nextDouble() < apiErrorRate;
        apiErrors += fails ? 1 : 0;
        return fails;
    }

    /** Whether this order fails (asked once per order sent). */
    boolean orderFails() {
        boolean fails = orderFailureRate > 0 && orders.nextDouble() < orderFailureRate;
        failedOrders += fails ? 1 : 0;
        return fails;
    }

    String describe() {
        return apiErrorRate == 0 && orderFailureRate == 0 ? "none"
                : apiErrors + " failed book requests, " + failedOrders + " failed orders";
    }
}
