package org.trellis.rl.sim;

import java.util.List;

/**
 * Simulated 15-minute up/down markets on several underlyings, stepped tick by tick by a training loop:
 * <pre>
 *   while (sim.advance()) {
 *       for each asset a: if (sim.asset(a).expired()) -> terminal reward sim.asset(a).expiry().pnl(), done
 *       if (!sim.marketsOpen()) break;             // the last tick only settles
 *       for each asset a: observe sim.asset(a) (book, trades, position, time left); sim.act(a, action, dollars)
 *   }
 * </pre>
 * All markets share the window boundaries floor(unix / 900) * 900; the first tick is the first window's
 * start and every tick after it is {@code tickSeconds} later, so ticks land on every window end, where
 * markets settle at 0/1 and the next ones open. Same config and seed give identical ticks, books and fills.
 */
public final class BinaryMarketSimulator {
    private static final System.Logger LOG = System.getLogger(BinaryMarketSimulator.class.getName());

    private final SimulatorConfig config;
    private final AssetMarket[] markets;
    private final TradingRules rules;
    private final long start;
    private final long end;
    private long now = Long.MIN_VALUE;

    /** @throws IllegalArgumentException when a recorded tape is unusable or too short for one window */
    public BinaryMarketSimulator(SimulatorConfig config) {
        this.config = config;
        this.rules = new TradingRules(config.feeRate(), config.fillMode());
        List<Underlying> underlyings = config.underlyings();
        long first = Long.MIN_VALUE;
        long last = Long.MAX_VALUE;
        RecordedTrades[] recorded = new RecordedTrades[underlyings.size()];
        for (int i = 0; i < recorded.length; i++) {
            if (underlyings.get(i).isRecorded()) {
                recorded[i] = new RecordedTrades(underlyings.get(i).tape());
                first = Math.max(first, recorded[i].firstTime());
                last = Math.min(last, recorded[i].lastTime());
            }
        }
        this.start = first == Long.MIN_VALUE ? MarketWindow.startOf(config.startSecond())
                : MarketWindow.boundaryAtOrAfter(SecondPrices.secondOf(first));
        long tapeEnd = last == Long.MAX_VALUE ? Long.MAX_VALUE : MarketWindow.startOf(Math.floorDiv(last, 1000));
        this.end = config.maxWindows() == 0 ? tapeEnd : Math.min(tapeEnd, start + (long) config.maxWindows() * MarketWindow.SECONDS);
        if (end <= start) {
            throw new IllegalArgumentException("the recorded tapes overlap less than one 15-minute window (first window " + start
                    + ", last trade " + last + " ms)");
        }
        this.markets = new AssetMarket[underlyings.size()];
        for (int i = 0; i < markets.length; i++) {
            String asset = underlyings.get(i).asset();
            TradeCursor trades = recorded[i] != null ? recorded[i]
                    : new SyntheticTrades(underlyings.get(i).synthetic(), start * 1000, Seeds.derive(config.seed(), asset, "trades"));
            markets[i] = new AssetMarket(asset, trades, config.book(), Seeds.derive(config.seed(), asset, "book"));
        }
        // MessageFormat would group the digits of seeds and epoch seconds: build the line directly
        LOG.log(System.Logger.Level.INFO, () -> "binary-market simulator: seed " + config.seed() + ", assets "
                + underlyings.stream().map(u -> u.asset() + (u.isRecorded() ? " (" + u.tape().source() + ")" : " (synthetic)")).toList()
                + ", windows " + start + " to " + end + " (epoch s), tick " + config.tickSeconds() + " s");
    }

    /**
     * Moves to the next tick. Returns false, without moving, once the last window has settled; the tick
     * at the last window's end still returns true and reports its settlements, with no market open.
     */
    public boolean advance() {
        if (now >= end) {
            return false;
        }
        now = now == Long.MIN_VALUE ? start : now + config.tickSeconds();
        boolean open = now < end;
        for (AssetMarket market : markets) {
            market.advanceTo(now, open);
        }
        return true;
    }

    /** Whether markets are open at this tick (false before the first tick and at the final settlement tick). */
    public boolean marketsOpen() {
        return now != Long.MIN_VALUE && now < end;
    }

    /**
     * Acts on one asset's market at this tick: at most once per asset per tick.
     *
     * @param dollars order size, used when the action opens a position
     * @return what happened; reused, valid until this asset's next action
     * @throws IllegalStateException when no market is open or this asset already acted this tick
     */
    public Fill act(int asset, Action action, double dollars) {
        if (!marketsOpen()) {
            throw new IllegalStateException("no market is open at " + now + ": call advance() first, and stop acting after the final settlement");
        }
        return markets[asset].act(action, dollars, rules);
    }

    public int assets() {
        return markets.length;
    }

    public AssetMarket asset(int index) {
        return markets[index];
    }

    /** The current tick, epoch seconds (Long.MIN_VALUE before the first). */
    public long now() {
        return now;
    }

    /** Epoch second the first window starts. */
    public long start() {
        return start;
    }

    /** Epoch second the last window ends. */
    public long end() {
        return end;
    }

    /** Simulated seconds between ticks. */
    public int tickSeconds() {
        return config.tickSeconds();
    }

    public long seed() {
        return config.seed();
    }
}
