package org.trellis.rl.market;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trellis.rl.sim.Seeds;

/**
 * Seeded outages of the book feed, so that the stale-book guard has something to catch: each asset's
 * feed fails at {@code perHour} random moments an hour and stays silent for {@code seconds}. While it is
 * out the asset's guards and agent see nothing (no decision on a stale book); its market goes on and a
 * close asked for by a guard still walks the venue's book.
 */
final class FeedOutages {
    private final double chancePerTick;
    private final long seconds;
    private final SplittableRandom[] random;
    private final long[] until;
    private int started;

    /** @throws IllegalArgumentException for a negative rate or a non-positive duration with a positive rate */
    FeedOutages(double perHour, double seconds, int tickSeconds, long seed, List<String> assets) {
        if (!(perHour >= 0) || Double.isInfinite(perHour) || perHour > 0 && !(seconds >= tickSeconds)) {
            throw new IllegalArgumentException("outages-per-hour must be >= 0 and outage-seconds at least one tick (" + tickSeconds
                    + " s), got " + perHour + " and " + seconds);
        }
        this.chancePerTick = perHour * tickSeconds / 3600.0;
        this.seconds = Math.round(seconds);
        this.random = new SplittableRandom[assets.size()];
        this.until = new long[assets.size()];
        for (int a = 0; a < random.length; a++) {
            random[a] = new SplittableRandom(Seeds.derive(seed, assets.get(a), "feed-outages"));
        }
    }

    /** Whether asset {@code a}'s feed is out at this tick; asked once per asset per tick, in tick order. */
    boolean out(int a, long nowSecond) {
        if (nowSecond < until[a]) {
            return true;
        }
        if (chancePerTick > 0 && random[a].nextDouble() < chancePerTick) {
            until[a] = nowSecond + seconds;
            started++;
            return true;
        }
        return false;
    }

    String describe() {
        return chancePerTick == 0 ? "none" : String.format(Locale.ROOT, "%d of %d s each", started, seconds);
    }
}
