package org.trellis.rl.sim;

/**
 * One asset in the simulator: its underlying's trades, its current 15-minute market, that market's UP
 * book and the agent's position in it. What a training loop reads per asset per tick; every getter reads
 * preallocated state, nothing is allocated per tick.
 */
public final class AssetMarket {
    private final String asset;
    private final TradeCursor trades;
    private final RealizedVolatility volatility;
    private final BookModel bookModel;
    private final TradeBatch batch = new TradeBatch();
    private final OrderBook book = new OrderBook();
    private final Position position = new Position();
    private final Expiry expiry = new Expiry();
    private final Fill fill = new Fill();
    private long now = Long.MIN_VALUE;
    private long windowStart = Long.MIN_VALUE;
    private double startPrice;
    private double price = Double.NaN;
    private boolean opened;
    private boolean expired;
    private long actedAt = Long.MIN_VALUE;

    AssetMarket(String asset, TradeCursor trades, BookConfig bookConfig, long bookSeed) {
        this.asset = asset;
        this.trades = trades;
        this.volatility = new RealizedVolatility(bookConfig.volatilitySeconds(), bookConfig.volatilityFloor());
        this.bookModel = new BookModel(bookConfig, bookSeed);
    }

    /**
     * Moves to this tick: takes in the trades up to it, settles the market when its window ends, opens the
     * next one when {@code open} (not after the run's last window), and quotes the book.
     */
    void advanceTo(long second, boolean open) {
        now = second;
        takeTrades(second * 1000);
        if (Double.isNaN(price)) {
            throw new IllegalStateException(asset + " has no trade at or before " + second + ": the simulator starts after every tape's first trade");
        }
        expired = windowStart != Long.MIN_VALUE && second >= windowEnd();
        if (expired) {
            expiry.settle(windowStart, startPrice, price, position);
        }
        opened = open && (windowStart == Long.MIN_VALUE || expired);
        if (opened) {
            windowStart = MarketWindow.startOf(second);
            startPrice = price;
        }
        if (open) {
            bookModel.quote(FairValue.up(price, startPrice, volatility.at(second), windowEnd() - second), book);
        }
    }

    private void takeTrades(long untilMillis) {
        batch.clear();
        while (trades.hasTrade() && trades.time() <= untilMillis) {
            batch.add(trades.time(), trades.price(), trades.amount());
            volatility.onTrade(trades.time(), trades.price());
            price = trades.price();
            trades.next();
        }
    }

    Fill act(Action action, double dollars, TradingRules rules) {
        if (actedAt == now) {
            throw new IllegalStateException(asset + " already acted at " + now + ": one action per market per tick (no reversal in one tick)");
        }
        actedAt = now;
        rules.apply(action, dollars, book, position, fill);
        return fill;
    }

    public String asset() {
        return asset;
    }

    /** The current tick, epoch seconds. */
    public long now() {
        return now;
    }

    /** Epoch second the current market's window started. */
    public long windowStart() {
        return windowStart;
    }

    public long windowEnd() {
        return windowStart + MarketWindow.SECONDS;
    }

    /** Fraction of the 15 minutes left, in (0, 1] while the market is open. */
    public double timeRemaining() {
        return (double) (windowEnd() - now) / MarketWindow.SECONDS;
    }

    /** The underlying's price at the window start, which settlement compares against. */
    public double startPrice() {
        return startPrice;
    }

    /** The underlying's last trade price at or before now. */
    public double price() {
        return price;
    }

    /** True on the tick a new market opened (the run's first tick too): per-market state such as feature history starts over. */
    public boolean opened() {
        return opened;
    }

    /** True on the tick the previous market settled; then {@link #expiry()} holds its settlement. */
    public boolean expired() {
        return expired;
    }

    public Expiry expiry() {
        return expiry;
    }

    public OrderBook book() {
        return book;
    }

    /** The underlying's trades of the last tick. */
    public TradeBatch trades() {
        return batch;
    }

    public Position position() {
        return position;
    }
}
