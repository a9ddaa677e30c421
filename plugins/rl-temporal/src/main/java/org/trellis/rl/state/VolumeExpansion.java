package org.trellis.rl.state;

/**
 * Feature 11's inputs: traded value per minute over the last 24 hours. Spec decision: computed from real
 * history (the source's was always 0). The last hour's value is compared with the average hourly value
 * over the last 24 h; while less than 24 h of trades exist (the bundled BTC tape holds ~6 days), the
 * average runs over the history there is, and below {@link #MIN_HISTORY_MINUTES} of history the feature
 * is 0 (an hour cannot yet be compared with anything but itself). Minute resolution: "the last hour" is
 * the current minute and the 59 before it.
 */
final class VolumeExpansion {
    static final int MIN_HISTORY_MINUTES = 120;
    private static final int DAY_MINUTES = 24 * 60;
    private static final int HOUR_MINUTES = 60;

    private final RollingBuckets minutes = new RollingBuckets(DAY_MINUTES, 1, 60_000);

    void onTrade(long millis, double value) {
        minutes.add(millis, 0, value);
    }

    void advanceTo(long second) {
        minutes.advanceTo(minutes.bucketOf(second * 1000));
    }

    /** 1h value / (average hourly value over up to 24 h) - 1, unclamped; 0 with too little history or no volume. */
    double ratioMinusOne() {
        long span = minutes.span();
        if (span < MIN_HISTORY_MINUTES) {
            return 0;
        }
        int window = (int) Math.min(span, DAY_MINUTES);
        double hourly = minutes.sum(0, window) / window * HOUR_MINUTES;
        return hourly > 0 ? minutes.sum(0, HOUR_MINUTES) / hourly - 1 : 0;
    }
}
