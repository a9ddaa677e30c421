package org.trellis.rl.market;

import java.util.ArrayList;
import java.util.List;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.ml.spi.MarketResult;
import org.trellis.rl.sim.AssetMarket;
import org.trellis.rl.sim.Position;
import org.trellis.rl.sim.Token;

/**
 * The block's money across the simulated markets, in the terms guards read: cash, equity, one position
 * per asset. Guards see a position in the token it holds, as a long one: quantity = shares, prices in
 * that token (DOWN = 1 - UP), so notional, returns and trailing moves mean what they mean for the
 * holder (a $5 DOWN position at 0.10 is $5, not 50 shares at the UP price 0.90). Closed trades, which the
 * report plots on the UP price, show a DOWN position as a short UP one of the same shares (same PnL).
 * Marks use the book's mid.
 */
final class SimPortfolio implements PortfolioView {
    private final double capital;
    private final AssetMarket[] markets;
    private final String[] symbols;
    private final AssetPosition[] positions;
    private final List<MarketResult.Trade> trades = new ArrayList<>();
    private double cash;
    private double peak;
    private double realized;
    private double fees;

    SimPortfolio(double capital, AssetMarket[] markets, String[] symbols) {
        this.capital = capital;
        this.cash = capital;
        this.peak = capital;
        this.markets = markets;
        this.symbols = symbols;
        this.positions = new AssetPosition[markets.length];
        for (int a = 0; a < markets.length; a++) {
            positions[a] = new AssetPosition(a);
        }
    }

    /** What a position looks like to guards, with its entry time and the reason it was opened. */
    final class AssetPosition implements PositionView {
        private final int asset;
        Instrument instrument;
        long entryTime;
        String entryReason = "";
        /** The held token's entry price, and the entry fees still carried by the shares held. */
        double entryTokenPrice;
        double entryFees;

        AssetPosition(int asset) {
            this.asset = asset;
        }

        private Position held() {
            return markets[asset].position();
        }

        @Override
        public Instrument instrument() {
            return instrument;
        }

        /** Shares of the held token (a long position in it), 0 when flat. */
        @Override
        public double quantity() {
            Position p = held();
            return p.isOpen() ? p.shares() : 0;
        }

        /** The held token's average entry price; NaN when flat. */
        @Override
        public double entryPrice() {
            Position p = held();
            return p.isOpen() ? p.entryPrice() : Double.NaN;
        }

        @Override
        public long entryTime() {
            return held().isOpen() ? entryTime : Long.MIN_VALUE;
        }

        @Override
        public double unrealizedPnl() {
            return held().unrealizedPnl(markets[asset].book().mid());
        }

        @Override
        public double unrealizedReturn() {
            Position p = held();
            return p.isOpen() ? unrealizedPnl() / (p.entryPrice() * p.shares()) : 0;
        }

        /** The held token's value at the mid. */
        double markedValue() {
            Position p = held();
            return p.isOpen() ? p.token().price(markets[asset].book().mid()) * p.shares() : 0;
        }
    }

    AssetPosition position(int asset) {
        return positions[asset];
    }

    void opened(int asset, Instrument instrument, long time, double shares, double tokenPrice, double fee, String reason) {
        AssetPosition p = positions[asset];
        p.instrument = instrument;
        p.entryTime = time;
        p.entryReason = reason;
        p.entryTokenPrice = tokenPrice;
        p.entryFees = fee;
        cash -= shares * tokenPrice + fee;
        fees += fee;
    }

    /**
     * Shares closed at {@code tokenPrice} (sold into the book, or settled at the payout), called after the
     * simulator has reduced the position: books the cash and the closed trade, and returns the trade. {@code pnl} is the
     * simulator's, net of the exit fee and the entry fees the closed shares carried.
     */
    MarketResult.Trade closed(int asset, Token token, long time, double shares, double tokenPrice, double fee, double pnl,
                              String reason) {
        AssetPosition p = positions[asset];
        double heldBefore = markets[asset].position().shares() + shares;
        double carried = p.entryFees * Math.min(1, shares / heldBefore);
        p.entryFees -= carried;
        cash += shares * tokenPrice - fee;
        fees += fee;
        realized += pnl;
        // the report's UP-equivalent prices: Token.price maps a token's price to UP's as it maps UP's to the token's
        MarketResult.Trade trade = new MarketResult.Trade(symbols[asset], token == Token.UP, p.entryTime,
                token.price(p.entryTokenPrice), time, token.price(tokenPrice), shares, pnl, carried + fee, p.entryReason, reason);
        trades.add(trade);
        return trade;
    }

    @Override
    public double initialCapital() {
        return capital;
    }

    @Override
    public double cash() {
        return cash;
    }

    @Override
    public double equity() {
        double e = cash;
        for (AssetPosition p : positions) {
            e += p.markedValue();
        }
        return e;
    }

    @Override
    public double peakEquity() {
        return peak;
    }

    void updatePeak(double equity) {
        peak = Math.max(peak, equity);
    }

    @Override
    public PositionView position(Instrument instrument) {
        for (int a = 0; a < symbols.length; a++) {
            if (symbols[a].equals(instrument.symbol())) {
                return positions[a];
            }
        }
        throw new IllegalArgumentException("no market " + instrument.symbol() + " in this run; they are " + List.of(symbols));
    }

    @Override
    public int openPositions() {
        int n = 0;
        for (AssetMarket m : markets) {
            n += m.position().isOpen() ? 1 : 0;
        }
        return n;
    }

    @Override
    public double grossExposure() {
        double g = 0;
        for (AssetPosition p : positions) {
            g += p.markedValue();
        }
        return g;
    }

    @Override
    public double realizedPnl() {
        return realized;
    }

    @Override
    public double feesPaid() {
        return fees;
    }

    List<MarketResult.Trade> trades() {
        return trades;
    }
}
