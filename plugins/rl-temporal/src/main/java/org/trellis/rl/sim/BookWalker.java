package org.trellis.rl.sim;

/**
 * Fills an order against the UP book level by level, best price first, for either token: buying UP
 * lifts the UP asks, buying DOWN hits the UP bids at 1 - bid (the mirror book), selling UP hits the
 * bids, selling DOWN lifts the asks at 1 - ask. What the levels cannot absorb stays unfilled.
 */
final class BookWalker {
    private BookWalker() {
    }

    /** Spends up to {@code dollars} on {@code token}; sets the fill's shares and average price, returns the dollars left unspent. */
    static double buy(OrderBook book, Token token, double dollars, Fill fill) {
        boolean asks = token == Token.UP;
        double left = dollars;
        double shares = 0;
        int levels = asks ? book.askLevels() : book.bidLevels();
        for (int k = 0; k < levels && left > 0; k++) {
            double price = token.price(asks ? book.askPrice(k) : book.bidPrice(k));
            double size = asks ? book.askSize(k) : book.bidSize(k);
            double take = Math.min(size, left / price);
            shares += take;
            left = take == size ? left - take * price : 0;
        }
        record(fill, token, shares, dollars - left);
        return left;
    }

    /** Sells up to {@code shares} of {@code token}; sets the fill's shares and average price, returns the shares left unsold. */
    static double sell(OrderBook book, Token token, double shares, Fill fill) {
        boolean bids = token == Token.UP;
        double left = shares;
        double proceeds = 0;
        int levels = bids ? book.bidLevels() : book.askLevels();
        for (int k = 0; k < levels && left > 0; k++) {
            double price = token.price(bids ? book.bidPrice(k) : book.askPrice(k));
            double take = Math.min(left, bids ? book.bidSize(k) : book.askSize(k));
            proceeds += take * price;
            left -= take;
        }
        record(fill, token, shares - left, proceeds);
        return left;
    }

    private static void record(Fill fill, Token token, double shares, double notional) {
        fill.token = shares > 0 ? token : null;
        fill.shares = shares;
        fill.averagePrice = shares > 0 ? notional / shares : 0;
    }
}
