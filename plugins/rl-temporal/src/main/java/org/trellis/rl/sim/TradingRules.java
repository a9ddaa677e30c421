package org.trellis.rl.sim;

/**
 * The spec's trading rules on one market: flat BUY opens UP, flat SELL opens DOWN; holding UP, SELL
 * closes; holding DOWN, BUY closes; the other action while holding is refused (no pyramiding), and a
 * close never opens the opposite side in the same tick (no reversal). Shares = dollars / entry price;
 * PnL = (exit - entry) * shares, net of fees (fee = feeRate * shares * price on every fill).
 */
public final class TradingRules {
    private final double feeRate;
    private final FillMode mode;

    /** @param feeRate fee as a fraction of each fill's notional, in [0, 1) */
    public TradingRules(double feeRate, FillMode mode) {
        if (!(feeRate >= 0 && feeRate < 1) || mode == null) {
            throw new IllegalArgumentException("trading rules need a fee rate in [0, 1) and a fill mode, got " + feeRate + " and " + mode);
        }
        this.feeRate = feeRate;
        this.mode = mode;
    }

    /**
     * Applies one action with an order size in dollars (used only when opening; a close sells every
     * share held) and writes what happened into {@code fill}.
     */
    public void apply(Action action, double dollars, OrderBook book, Position position, Fill fill) {
        if (!(dollars >= 0) || Double.isInfinite(dollars)) {
            throw new IllegalArgumentException("order size must be a finite number of dollars >= 0, got " + dollars);
        }
        fill.reset(action);
        if (action == Action.HOLD) {
            return;
        }
        Token wanted = action == Action.BUY ? Token.UP : Token.DOWN;
        if (!position.isOpen()) {
            if (dollars > 0) {
                open(wanted, dollars, book, position, fill);
            }
        } else if (position.token() == wanted) {
            fill.outcome = Fill.Outcome.REFUSED;
        } else {
            close(book, position, fill);
        }
    }

    private void open(Token token, double dollars, OrderBook book, Position position, Fill fill) {
        if (mode == FillMode.MID) {
            fill.unfilled = atMid(book, token, dollars, fill) ? 0 : dollars;
        } else {
            fill.unfilled = BookWalker.buy(book, token, dollars, fill);
        }
        if (fill.shares <= 0) {
            fill.outcome = Fill.Outcome.NO_DEPTH;
            fill.unfilled = dollars;
            return;
        }
        fill.fee = feeRate * fill.shares * fill.averagePrice;
        position.open(token, fill.shares, fill.averagePrice, fill.fee);
        fill.outcome = Fill.Outcome.OPENED;
    }

    private void close(OrderBook book, Position position, Fill fill) {
        Token token = position.token();
        double entry = position.entryPrice();
        if (mode == FillMode.MID) {
            fill.unfilled = atMid(book, token, -position.shares(), fill) ? 0 : position.shares();
        } else {
            fill.unfilled = BookWalker.sell(book, token, position.shares(), fill);
        }
        if (fill.shares <= 0) {
            fill.outcome = Fill.Outcome.NO_DEPTH;
            return;
        }
        fill.fee = feeRate * fill.shares * fill.averagePrice;
        double entryFees = position.reduce(fill.shares);
        fill.realizedPnl = (fill.averagePrice - entry) * fill.shares - fill.fee - entryFees;
        fill.outcome = position.isOpen() ? Fill.Outcome.PARTLY_CLOSED : Fill.Outcome.CLOSED;
    }

    /**
     * Fills the whole order at the token's mid price: buying {@code size} dollars when size > 0, selling
     * -size shares when size < 0. Returns false (nothing filled) when the book has no mid.
     */
    private static boolean atMid(OrderBook book, Token token, double size, Fill fill) {
        double mid = book.mid();
        if (mid <= 0) {
            return false;
        }
        fill.token = token;
        fill.averagePrice = token.price(mid);
        fill.shares = size > 0 ? size / fill.averagePrice : -size;
        return true;
    }
}
