package org.trellis.rl.state;

/**
 * Classifies trades as buyer- or seller-initiated by the tick rule, since the tapes carry no aggressor
 * side: a trade above the previous trade's price is a buy, below it a sell, at the same price it keeps
 * the previous trade's side. The first trade, and trades at the first price before any move, are
 * unclassified (0) and count in neither buy nor sell flow.
 */
public final class TickRule {
    private double lastPrice = Double.NaN;
    private int lastSide;

    /** +1 buy, -1 sell, 0 unclassified. */
    public int classify(double price) {
        if (!Double.isNaN(lastPrice) && price != lastPrice) {
            lastSide = price > lastPrice ? 1 : -1;
        }
        lastPrice = price;
        return lastSide;
    }
}
