package org.trellis.rl.sim;

/**
 * One market's position: flat, or a number of UP or DOWN shares bought at an average entry price.
 * Entry fees are kept with it so that realized PnL (on close or settlement) is net of both sides' fees.
 */
public final class Position {
    private Token token;
    private double shares;
    private double entryPrice;
    private double entryFees;

    public boolean isOpen() {
        return token != null;
    }

    /** The token held, null when flat. */
    public Token token() {
        return token;
    }

    public double shares() {
        return shares;
    }

    /** Average price paid per share of the held token. */
    public double entryPrice() {
        return entryPrice;
    }

    /** Fees paid to open the shares still held. */
    public double entryFees() {
        return entryFees;
    }

    /** +1 UP, -1 DOWN, 0 flat. */
    public int side() {
        return token == null ? 0 : token.sign();
    }

    /** (mark - entry) * shares with the held token marked at this UP mid (DOWN at 1 - mid); 0 when flat or without a mid. */
    public double unrealizedPnl(double upMid) {
        return token == null || upMid <= 0 ? 0 : (token.price(upMid) - entryPrice) * shares;
    }

    /** Opens a position, as a hand-built state for tests and replays too. */
    public void open(Token held, double heldShares, double price, double fees) {
        if (held == null || !(heldShares > 0) || !(price > 0 && price < 1) || !(fees >= 0)) {
            throw new IllegalArgumentException("a position needs a token, shares > 0, an entry price in (0, 1) and fees >= 0, got "
                    + held + ", " + heldShares + ", " + price + ", " + fees);
        }
        token = held;
        shares = heldShares;
        entryPrice = price;
        entryFees = fees;
    }

    /**
     * Removes sold shares and returns the part of the entry fees they carried (pro rata); closes the
     * position when none are left.
     */
    double reduce(double soldShares) {
        double fraction = Math.min(1, soldShares / shares);
        double fees = entryFees * fraction;
        if (fraction >= 1) {
            close();
        } else {
            shares -= soldShares;
            entryFees -= fees;
        }
        return fees;
    }

    void close() {
        token = null;
        shares = 0;
        entryPrice = 0;
        entryFees = 0;
    }
}
