package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;

/**
 * A strategy's account: cash, one position per instrument (long or short), and the round trips
 * closed so far. Buying costs {@code qty * price + fee}; selling, short or not, credits
 * {@code qty * price - fee}; equity is cash plus every position marked at its last close.
 */
public final class Portfolio implements PortfolioView {
    private final double initialCapital;
    private final List<Instrument> instruments;
    private final Position[] positions;
    private final List<ClosedTrade> trades = new ArrayList<>();
    private double cash;
    private double peakEquity;
    private double realizedPnl;
    private double feesPaid;
    private int openPositions;
    /** Per instrument: notional of its entry order waiting for a fill. */
    private final double[] reserved;

    /** Marks {@code notional} of instrument {@code index} as spoken for by an entry order not filled yet. */
    void reserve(int index, double notional) {
        reserved[index] += notional;
    }

    /** The instrument's entry is filled (or cancelled): nothing of it is spoken for any more. */
    void release(int index) {
        reserved[index] = 0;
    }

    void releaseAll() {
        java.util.Arrays.fill(reserved, 0);
    }

    @Override
    public double pendingEntryNotional() {
        double sum = 0;
        for (double r : reserved) {
            sum += r;
        }
        return sum;
    }

    /** Instruments flat now with an entry on its way (a reversing one is counted once, as open). */
    @Override
    public int pendingEntries() {
        int n = 0;
        for (int i = 0; i < reserved.length; i++) {
            n += reserved[i] > 0 && positions[i].quantity == 0 ? 1 : 0;
        }
        return n;
    }

    public Portfolio(double initialCapital, List<Instrument> instruments) {
        if (!(initialCapital > 0)) {
            throw new IllegalArgumentException("capital must be > 0, got " + initialCapital);
        }
        this.initialCapital = initialCapital;
        this.cash = initialCapital;
        this.peakEquity = initialCapital;
        this.instruments = List.copyOf(instruments);
        this.positions = new Position[instruments.size()];
        this.reserved = new double[instruments.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = new Position(instruments.get(i));
        }
    }

    int indexOf(Instrument instrument) {
        for (int i = 0; i < positions.length; i++) {
            if (positions[i].instrument().equals(instrument)) {
                return i;
            }
        }
        throw new IllegalArgumentException("instrument " + instrument + " is not part of this run " + instruments);
    }

    Position position(int index) {
        return positions[index];
    }

    /** Record the latest close of an instrument and refresh the equity peak. */
    void mark(int index, double price) {
        positions[index].mark = price;
    }

    /** Raise the equity peak to {@code e} (the equity just computed) if it is higher. */
    void updatePeak(double e) {
        if (e > peakEquity) {
            peakEquity = e;
        }
    }

    /**
     * Book a fill; closing (part of) a position records a {@link ClosedTrade}.
     *
     * @return the index of the fill's instrument in this portfolio
     */
    public int apply(Fill fill, String reason) {
        int index = indexOf(fill.order().instrument());
        Position p = positions[index];
        OrderSide side = fill.order().side();
        double qty = fill.quantity();
        double price = fill.price();
        double fee = fill.fee();
        cash += side == OrderSide.BUY ? -(qty * price) - fee : qty * price - fee;
        feesPaid += fee;
        if (Double.isNaN(p.mark)) {
            p.mark = price;
        }
        boolean wasOpen = p.quantity != 0;
        double signed = side.sign() * qty;
        book(p, signed, qty, price, fee, fill, reason);
        openPositions += (p.quantity != 0 ? 1 : 0) - (wasOpen ? 1 : 0);
        return index;
    }

    private void book(Position p, double signed, double qty, double price, double fee, Fill fill, String reason) {
        if (p.quantity == 0 || Math.signum(p.quantity) == Math.signum(signed)) {
            open(p, signed, price, fee, fill.time(), reason);
            return;
        }
        double closing = Math.min(qty, Math.abs(p.quantity));
        double exitFee = fee * closing / qty;
        double entryFeeShare = p.entryFees * closing / Math.abs(p.quantity);
        double gross = (price - p.entryPrice) * closing * Math.signum(p.quantity);
        double pnl = gross - entryFeeShare - exitFee;
        realizedPnl += pnl;
        trades.add(new ClosedTrade(p.instrument(), p.quantity > 0 ? ClosedTrade.Direction.LONG : ClosedTrade.Direction.SHORT,
                p.entryTime, p.entryPrice, fill.time(), price, closing, pnl, entryFeeShare + exitFee, p.entryReason, reason));
        p.entryFees -= entryFeeShare;
        p.quantity += Math.signum(signed) * closing;
        if (Math.abs(p.quantity) < 1e-12 * Math.max(1, closing)) {
            p.clear();
        }
        double rest = qty - closing;
        if (rest > 0) {
            open(p, Math.signum(signed) * rest, price, fee - exitFee, fill.time(), reason);
        }
    }

    private static void open(Position p, double signedQty, double price, double fee, long time, String reason) {
        if (p.quantity == 0) {
            p.entryPrice = price;
            p.entryTime = time;
            p.entryReason = reason;
        } else {
            p.entryPrice = (Math.abs(p.quantity) * p.entryPrice + Math.abs(signedQty) * price)
                    / (Math.abs(p.quantity) + Math.abs(signedQty));
        }
        p.quantity += signedQty;
        p.entryFees += fee;
    }

    /** Round trips closed so far (without the read-only wrapper {@link #trades()} makes). */
    int tradeCount() {
        return trades.size();
    }

    ClosedTrade trade(int i) {
        return trades.get(i);
    }

    public List<ClosedTrade> trades() {
        return Collections.unmodifiableList(trades);
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public double initialCapital() {
        return initialCapital;
    }

    @Override
    public double cash() {
        return cash;
    }

    @Override
    public double equity() {
        double e = cash;
        for (Position p : positions) {
            e += p.markedValue();
        }
        return e;
    }

    @Override
    public double peakEquity() {
        return peakEquity;
    }

    @Override
    public PositionView position(Instrument instrument) {
        return positions[indexOf(instrument)];
    }

    @Override
    public int openPositions() {
        return openPositions;
    }

    @Override
    public double grossExposure() {
        double g = 0;
        for (Position p : positions) {
            g += Math.abs(p.markedValue());
        }
        return g;
    }

    @Override
    public double realizedPnl() {
        return realizedPnl;
    }

    @Override
    public double feesPaid() {
        return feesPaid;
    }
}
