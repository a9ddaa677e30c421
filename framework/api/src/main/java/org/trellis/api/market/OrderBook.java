package org.trellis.api.market;

/**
 * A snapshot of an order book's top levels. Level 0 is the best price; bids descend, asks ascend.
 * Like {@link Bar}, the engine may reuse the object: read, do not keep.
 */
public interface OrderBook {
    Instrument instrument();

    /** Time of the snapshot, epoch ms. */
    long time();

    int bidLevels();

    int askLevels();

    double bidPrice(int level);

    double bidSize(int level);

    double askPrice(int level);

    double askSize(int level);

    default double mid() {
        return (bidPrice(0) + askPrice(0)) / 2.0;
    }

    default double spread() {
        return askPrice(0) - bidPrice(0);
    }
}
