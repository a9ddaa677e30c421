package org.trellis.runtime.engine;

import org.trellis.runtime.execution.FillTiming;

/**
 * How a run trades.
 *
 * @param capital starting cash of the strategy's portfolio
 * @param feeBps fee per fill, basis points of notional
 * @param slippageBps adverse price move per fill, basis points
 * @param fillTiming next-bar open (default) or signal-bar close
 * @param allowShort whether SELL may open short positions (else it only closes longs)
 * @param defaultSize position size as a fraction of equity when the strategy gives none
 * @param maxLeverage gross exposure of all open positions may not exceed this multiple of equity
 *                    (1 = no borrowing); entries are cut to fit
 * @param closeAtEnd close open positions at the last close when data ends
 * @param seed the run's seed (logged and reported; every random choice derives from it)
 */
public record EngineSettings(double capital, double feeBps, double slippageBps, FillTiming fillTiming,
                             boolean allowShort, double defaultSize, double maxLeverage, boolean closeAtEnd,
                             long seed) implements java.io.Serializable {
    public EngineSettings {
        if (!(capital > 0)) {
            throw new IllegalArgumentException("capital must be > 0, got " + capital);
        }
        if (!(feeBps >= 0)) {
            throw new IllegalArgumentException("fee must be >= 0 bps, got " + feeBps);
        }
        if (!(slippageBps >= 0)) {
            throw new IllegalArgumentException("slippage must be >= 0 bps, got " + slippageBps);
        }
        if (!(maxLeverage > 0) || Double.isInfinite(maxLeverage)) {
            throw new IllegalArgumentException("max leverage must be a positive number, got " + maxLeverage);
        }
        if (!(defaultSize > 0)) {
            throw new IllegalArgumentException("default size must be > 0, got " + defaultSize);
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(10_000, 10, 5, FillTiming.NEXT_OPEN, false, 1.0, 1.0, true, 42);
    }

    public EngineSettings withCosts(double feeBps, double slippageBps) {
        return new EngineSettings(capital, feeBps, slippageBps, fillTiming, allowShort, defaultSize, maxLeverage, closeAtEnd, seed);
    }

    public EngineSettings withFillTiming(FillTiming timing) {
        return new EngineSettings(capital, feeBps, slippageBps, timing, allowShort, defaultSize, maxLeverage, closeAtEnd, seed);
    }

    /** The same settings with another seed (a sweep's per-combination seed). */
    public EngineSettings withSeed(long newSeed) {
        return new EngineSettings(capital, feeBps, slippageBps, fillTiming, allowShort, defaultSize, maxLeverage, closeAtEnd, newSeed);
    }

    public EngineSettings withAllowShort(boolean allow) {
        return new EngineSettings(capital, feeBps, slippageBps, fillTiming, allow, defaultSize, maxLeverage, closeAtEnd, seed);
    }
}
