package org.trellis.rl.sim;

/**
 * The settlement of one asset's market, reported on the tick at its window end: UP paid 1 iff the
 * underlying's price at the window end (last trade at or before it) was above its price at the window
 * start; a tie pays DOWN. The position held then is paid out and its PnL is the episode's terminal
 * reward (done = true). Reused; valid while {@link AssetMarket#expired()} is true.
 */
public final class Expiry {
    long windowStart;
    double startPrice;
    double endPrice;
    Token held;
    double shares;
    double pnl;

    void settle(long start, double open, double close, Position position) {
        windowStart = start;
        startPrice = open;
        endPrice = close;
        held = position.token();
        shares = position.shares();
        pnl = position.isOpen() ? (position.token().price(payoutUp()) - position.entryPrice()) * shares - position.entryFees() : 0;
        position.close();
    }

    /** What one UP share paid: 1 or 0. */
    public double payoutUp() {
        return endPrice > startPrice ? 1 : 0;
    }

    /** Epoch second the settled market's window started. */
    public long windowStart() {
        return windowStart;
    }

    public double startPrice() {
        return startPrice;
    }

    public double endPrice() {
        return endPrice;
    }

    /** The token held at expiry, null when flat. */
    public Token held() {
        return held;
    }

    public double shares() {
        return shares;
    }

    /** Settlement PnL: (payout - entry) * shares minus the entry fees still carried; 0 when flat. */
    public double pnl() {
        return pnl;
    }

    /** Always true: an expiry ends the market's episode. */
    public boolean done() {
        return true;
    }
}
