package org.trellis.rl.train;

import org.trellis.rl.sim.Expiry;
import org.trellis.rl.sim.Fill;

/**
 * Closed trades since the last reset: a trade is counted when a position (or part of it) is closed by
 * an action or paid out at settlement, with the PnL that close realized (fees included); a win is a
 * close with PnL > 0. Episodes are settled markets, with their summed rewards (the PnL of every close
 * in that market).
 */
final class TradeTally {
    private int trades;
    private int wins;
    private double pnl;
    private int episodes;

    void onFill(Fill fill) {
        if (fill.outcome() == Fill.Outcome.CLOSED || fill.outcome() == Fill.Outcome.PARTLY_CLOSED) {
            close(fill.realizedPnl());
        }
    }

    void onExpiry(Expiry expiry) {
        episodes++;
        if (expiry.held() != null) {
            close(expiry.pnl());
        }
    }

    private void close(double realized) {
        trades++;
        pnl += realized;
        if (realized > 0) {
            wins++;
        }
    }

    int trades() {
        return trades;
    }

    double pnl() {
        return pnl;
    }

    /** Share of closed trades that won; NaN without a closed trade. */
    double winRate() {
        return trades == 0 ? Double.NaN : (double) wins / trades;
    }

    int episodes() {
        return episodes;
    }

    /** PnL per settled market; NaN before the first settlement. */
    double meanEpisodeReward() {
        return episodes == 0 ? Double.NaN : pnl / episodes;
    }

    TradeTally snapshotAndReset() {
        TradeTally copy = new TradeTally();
        copy.trades = trades;
        copy.wins = wins;
        copy.pnl = pnl;
        copy.episodes = episodes;
        trades = 0;
        wins = 0;
        pnl = 0;
        episodes = 0;
        return copy;
    }
}
