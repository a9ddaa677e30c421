package org.trellis.rl.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A simulator run.
 *
 * @param underlyings    the assets, each with its own market (all on the same 15-minute windows)
 * @param seed           seeds every synthetic process and every book's noise
 * @param tickSeconds    simulated seconds per tick; must divide 900 so ticks land on every window end
 * @param feeRate        fee per fill as a fraction of its notional
 * @param fillMode       how orders fill
 * @param book           how books are quoted
 * @param startSecond    epoch second of the first window when no underlying is recorded (rounded down to
 *                       a window boundary); with a recorded tape the first window is the first boundary at
 *                       or after the latest tape start
 * @param maxWindows     stop after this many windows; 0 = until a recorded tape ends (required > 0 when
 *                       every underlying is synthetic, which never ends)
 */
public record SimulatorConfig(List<Underlying> underlyings, long seed, int tickSeconds, double feeRate, FillMode fillMode,
                              BookConfig book, long startSecond, int maxWindows) {
    /** 2024-01-01T00:00Z: where synthetic-only runs start unless told otherwise. */
    public static final long SYNTHETIC_EPOCH = 1_704_067_200L;

    public SimulatorConfig {
        underlyings = List.copyOf(underlyings);
        Objects.requireNonNull(fillMode, "fillMode");
        Objects.requireNonNull(book, "book");
        if (underlyings.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one underlying");
        }
        HashSet<String> names = new HashSet<>();
        for (Underlying u : underlyings) {
            if (!names.add(u.asset())) {
                throw new IllegalArgumentException("asset " + u.asset() + " is given twice");
            }
        }
        if (tickSeconds < 1 || MarketWindow.SECONDS % tickSeconds != 0) {
            throw new IllegalArgumentException("tickSeconds must divide " + MarketWindow.SECONDS + " (e.g. 1, 5, 10, 60), got " + tickSeconds);
        }
        if (maxWindows < 0 || maxWindows == 0 && underlyings.stream().noneMatch(Underlying::isRecorded)) {
            throw new IllegalArgumentException("maxWindows must be >= 1 when every underlying is synthetic (>= 0 otherwise), got " + maxWindows);
        }
    }

    /** One tick per second, no fees, fills walking the default book, from {@link #SYNTHETIC_EPOCH} for synthetic-only runs. */
    public static SimulatorConfig of(List<Underlying> underlyings, long seed, int maxWindows) {
        return new SimulatorConfig(underlyings, seed, 1, 0, FillMode.WALK_BOOK, BookConfig.DEFAULT, SYNTHETIC_EPOCH, maxWindows);
    }

    public SimulatorConfig withTickSeconds(int seconds) {
        return new SimulatorConfig(underlyings, seed, seconds, feeRate, fillMode, book, startSecond, maxWindows);
    }

    public SimulatorConfig withFees(double rate, FillMode mode) {
        return new SimulatorConfig(underlyings, seed, tickSeconds, rate, mode, book, startSecond, maxWindows);
    }
}
