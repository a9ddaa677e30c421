package org.trellis.rl.state;

import org.trellis.rl.sim.SecondPrices;

/**
 * What the features read from the underlying's own trades, updated trade by trade and then once per
 * tick: per-second prices for an hour (returns, realized volatility, trend), classified order flow,
 * per-minute traded value for 24 h, and the large-trade flag. Market-independent: it carries on across
 * market roll-overs. Preallocated; nothing is allocated per trade or tick.
 */
public final class UnderlyingFeatures {
    static final int HOUR = 3600;

    private final SecondPrices prices = new SecondPrices(HOUR + 1);
    private final TickRule tickRule = new TickRule();
    private final TradeFlow flow = new TradeFlow();
    private final VolumeExpansion volume = new VolumeExpansion();
    private final LargeTradeFlag largeTrade = new LargeTradeFlag();
    private long now = Long.MIN_VALUE;

    /** Takes in one trade (in time order, at or before the tick that {@link #advanceTo} moves to next). */
    public void onTrade(long millis, double price, double amount) {
        double value = price * amount;
        prices.onTrade(millis, price);
        flow.onTrade(millis, tickRule.classify(price), value);
        volume.onTrade(millis, value);
        largeTrade.onTrade(value);
    }

    /** Closes the tick at this epoch second: once per tick, after its trades. */
    public void advanceTo(long second) {
        if (second <= now) {
            throw new IllegalStateException("underlying features already advanced to " + now + ", cannot advance to " + second);
        }
        now = second;
        prices.advanceTo(second);
        flow.advanceTo(second);
        volume.advanceTo(second);
        largeTrade.tick();
    }

    /** Simple return over the last {@code seconds}: p(now) / p(now - seconds) - 1; 0 without a price that far back. */
    public double priceReturn(int seconds) {
        double then = prices.at(now - seconds);
        return Double.isNaN(then) ? 0 : prices.at(now) / then - 1;
    }

    /**
     * The last hour's realized volatility: population std of the 1-minute returns ending now, now - 60 s, ...,
     * (60 of them when an hour of prices exists, else those there are), times sqrt(60); 0 with fewer than 2.
     */
    public double hourlyVolatility() {
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (int k = 0; k < 60; k++) {
            double later = prices.at(now - 60L * k);
            double earlier = prices.at(now - 60L * (k + 1));
            if (Double.isNaN(earlier)) {
                break;
            }
            double r = later / earlier - 1;
            sum += r;
            sumSquares += r * r;
            n++;
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSquares / n - mean * mean)) * Math.sqrt(60);
    }

    public double tradeFlowImbalance() {
        return flow.imbalance();
    }

    public double cvdChange() {
        return flow.cvdChange();
    }

    public double tradesLast10s() {
        return flow.recentTrades();
    }

    public double largeTrade() {
        return largeTrade.value();
    }

    public double volumeExpansion() {
        return volume.ratioMinusOne();
    }
}
