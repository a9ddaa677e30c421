package org.trellis.rl.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trellis.rl.sim.OrderBook;
import org.trellis.rl.sim.Position;
import org.trellis.rl.sim.Token;

/** Each of the 18 features on hand-built trades, books and positions, against values worked out by hand. */
class FeaturesTest {
    private static final long T = 1_704_067_200L;
    private static final double EPS = 1e-6;

    private final UnderlyingFeatures underlying = new UnderlyingFeatures();
    private final OrderBook book = new OrderBook();
    private final Position position = new Position();
    private final float[] out = new float[StateVector.SIZE];

    private void trade(long second, double price, double amount) {
        underlying.onTrade(second * 1000, price, amount);
    }

    private float[] features(double timeRemaining) {
        StateVector.compute(underlying, book, 0, position, timeRemaining, out);
        return out;
    }

    private void balancedBook() {
        book.set(new double[] {0.48, 0.47}, new double[] {30, 10}, new double[] {0.52, 0.53}, new double[] {10, 50});
    }

    @Test
    void returnsOverOneFiveAndTenMinutesScaledBy50AndClamped() {
        trade(T - 600, 100, 1);
        trade(T - 300, 102, 1);
        trade(T - 60, 103, 1);
        trade(T, 104, 1);
        underlying.advanceTo(T);
        float[] f = features(1);
        assertEquals((104 / 103.0 - 1) * 50, f[0], EPS);
        assertEquals((104 / 102.0 - 1) * 50, f[1], EPS);
        assertEquals(1, f[2], "a 4% return clamps");
    }

    @Test
    void returnsWithoutPriceThatFarBackAreZero() {
        trade(T - 100, 100, 1);
        trade(T, 90, 1);
        underlying.advanceTo(T);
        float[] f = features(1);
        assertEquals(-1, f[0], "-10% over the minute clamps at -1");
        assertEquals(0, f[1]);
        assertEquals(0, f[2]);
        assertEquals(0, f[16]);
        assertEquals(0, f[17]);
    }

    @Test
    void bookImbalanceSpreadAndTheirZeroCases() {
        underlying.advanceTo(T);
        balancedBook();
        float[] f = features(1);
        assertEquals((30 - 10) / 40.0, f[3], EPS);
        assertEquals((40 - 60) / 100.0, f[4], EPS, "top 5 levels: the sides have only 2");
        assertEquals(1, f[7], "(0.04 / 0.5) * 20 = 1.6 clamps");
        book.set(new double[] {0.50}, new double[] {5}, new double[] {0.51}, new double[] {5});
        assertEquals(0.01 / 0.505 * 20, features(1)[7], EPS);
        book.set(new double[0], new double[0], new double[0], new double[0]);
        f = features(1);
        assertEquals(0, f[3]);
        assertEquals(0, f[4]);
        assertEquals(0, f[7], "no prob: spread 0");
        book.set(new double[] {0.3}, new double[] {5}, new double[0], new double[0]);
        f = features(1);
        assertEquals(1, f[3], "only bids");
        assertEquals(0, f[7], "one-sided book has no prob: spread 0");
    }

    @Test
    void tradeFlowImbalanceByTheTickRuleOverTheLastMinute() {
        trade(T - 70, 50, 10);    // leaves the 60 s window
        trade(T - 65, 51, 10);    // a buy, also outside the window
        trade(T - 30, 100, 1);    // up-tick: buy 100
        trade(T - 20, 101, 1);    // buy 101
        trade(T - 10, 100, 2);    // sell 200
        trade(T, 100, 1);         // zero tick keeps sell: 100
        underlying.advanceTo(T);
        float[] f = features(1);
        assertEquals((201 - 300) / 501.0, f[5], EPS);
        assertEquals((201 - 300) / 1e6 * 10, f[6], EPS);
        assertEquals(1 / 10.0 / 10, f[8], EPS, "only the trade at T is within (T - 10 s, T]");
    }

    @Test
    void firstTradeIsUnclassifiedAndHugeFlowClamps() {
        trade(T - 5, 100, 1e9);
        underlying.advanceTo(T - 4);
        assertEquals(0, features(1)[5], "the first trade has no side");
        trade(T, 101, 1e5);
        underlying.advanceTo(T);
        float[] f = features(1);
        assertEquals(1, f[5]);
        assertEquals(1, f[6], "1.01e7 of buying / 1e6 * 10 clamps");
    }

    @Test
    void tradeIntensityCountsTheLastTenSeconds() {
        trade(T - 10, 100, 1);
        for (int i = 0; i < 30; i++) {
            trade(T - 9, 100, 1);
        }
        underlying.advanceTo(T - 9);
        underlying.advanceTo(T);
        assertEquals(30 / 10.0 / 10, features(1)[8], EPS);
        for (int i = 0; i < 2000; i++) {
            underlying.onTrade(T * 1000 + 1, 100, 1);
        }
        underlying.advanceTo(T + 1);
        assertEquals(1, features(1)[8], "clamps at 100 trades per 10 s");
    }

    @Test
    void largeTradeFlagNeedsTwentyTradesAndDecaysBy07PerTick() {
        LargeTradeFlag flag = new LargeTradeFlag();
        for (int i = 0; i < 19; i++) {
            flag.onTrade(1);
        }
        flag.onTrade(100);
        assertEquals(0, flag.tick(), "only 19 trades before it");
        LargeTradeFlag ready = new LargeTradeFlag();
        for (int i = 0; i < 20; i++) {
            ready.onTrade(1);
        }
        ready.onTrade(3);
        assertEquals(0, ready.tick(), "3x the median is not above it");
        ready.onTrade(3.01);
        assertEquals(1, ready.tick());
        assertEquals(0.7, ready.tick(), 1e-12);
        assertEquals(0.49, ready.tick(), 1e-12);
    }

    @Test
    void largeTradeComparesWithTheMedianOfTheLast100Values() {
        LargeTradeFlag flag = new LargeTradeFlag();
        for (int i = 0; i < 50; i++) {
            flag.onTrade(100);
        }
        for (int i = 0; i < 100; i++) {
            flag.onTrade(1);
        }
        flag.onTrade(3.5);
        assertEquals(1, flag.tick(), "the 100s left the window: median 1");
    }

    @Test
    void largeTradeFeatureReadsTradeValues() {
        for (int i = 0; i < 20; i++) {
            trade(T - 30 + i, 100, 1);
        }
        underlying.advanceTo(T - 1);
        trade(T, 100, 3.5);
        underlying.advanceTo(T);
        assertEquals(1, features(1)[9]);
        underlying.advanceTo(T + 1);
        assertEquals(0.7, features(1)[9], EPS);
    }

    @Test
    void probVolatilityIsThePopulationStdOfThirtyProbs() {
        ProbVolatility probs = new ProbVolatility();
        for (int i = 0; i < 29; i++) {
            probs.add(i % 2 == 0 ? 0.49 : 0.51);
        }
        assertEquals(0, probs.std(), "fewer than 30");
        probs.add(0.51);
        // 15 x 0.49 and 15 x 0.51: mean 0.5, population std 0.01
        assertEquals(0.01, probs.std(), 1e-12);
        StateVector.compute(underlying, book, probs.std(), position, 1, out);
        assertEquals(0.2, out[10], EPS);
        StateVector.compute(underlying, book, 0.3, position, 1, out);
        assertEquals(1, out[10], "clamps");
        probs.clear();
        assertEquals(0, probs.std());
    }

    @Test
    void volumeExpansionComparesTheLastHourWithTheAvailableDailyAverage() {
        // one $100 trade a minute for 3 hours, then 3 per minute in the last 30 minutes
        for (long m = 0; m < 180; m++) {
            trade(T + 60 * m, 100, 1);
            if (m >= 150) {
                trade(T + 60 * m + 1, 100, 1);
                trade(T + 60 * m + 2, 100, 1);
            }
        }
        long now = T + 60 * 179 + 2;
        underlying.advanceTo(now);
        // minute buckets (a trade at 0 s of a minute closes the previous bucket, at 1-2 s it opens the next):
        // 181 buckets seen holding 24,000; the last 60 hold 59 plain trades and 30 x 2 extra -> 11,900
        double hourly = 24_000.0 / 181 * 60;
        assertEquals(11_900 / hourly - 1, features(1)[11], EPS);
    }

    @Test
    void volumeExpansionIsZeroBeforeTwoHoursOfHistory() {
        for (long m = 0; m < 100; m++) {
            trade(T + 60 * m, 100, 1 + m);
        }
        underlying.advanceTo(T + 60 * 100);
        assertEquals(0, features(1)[11]);
    }

    @Test
    void positionFeaturesMarkAtTheMid() {
        underlying.advanceTo(T);
        balancedBook();
        float[] f = features(0.25);
        assertEquals(0, f[12]);
        assertEquals(0, f[13]);
        assertEquals(0, f[14]);
        assertEquals(0.25, f[15], EPS);
        position.open(Token.UP, 100, 0.40, 0.1);
        f = features(1);
        assertEquals(1, f[12]);
        assertEquals(1, f[13]);
        assertEquals((0.5 - 0.4) * 100 / 50, f[14], EPS);
        position.open(Token.DOWN, 1000, 0.40, 0);
        f = features(1);
        assertEquals(-1, f[13]);
        assertEquals(1, f[14], "(0.5 - 0.4) * 1000 = $100 clamps");
    }

    @Test
    void volatilityAndTrendRegimesReadTheLastHour() {
        // 1-minute returns alternating +1.2% and -1.2%: std ~0.012, * sqrt(60) >> 0.01
        double price = 100;
        for (int m = 0; m <= 60; m++) {
            price *= m % 2 == 0 ? 1.012 : 1 / 1.012;
            trade(T + 60L * m, price, 1);
        }
        underlying.advanceTo(T + 3600);
        float[] f = features(1);
        assertEquals(1, f[16]);
        assertEquals(0, f[17], "back where it was an hour ago");
        trade(T + 3601, price * 1.006, 1);
        underlying.advanceTo(T + 3601);
        assertEquals(1, features(1)[17], "0.6% over the hour");
    }

    @Test
    void calmHourIsNoRegime() {
        for (int m = 0; m <= 60; m++) {
            trade(T + 60L * m, 100 * (1 + 0.00001 * m), 1);
        }
        underlying.advanceTo(T + 3600);
        float[] f = features(1);
        assertEquals(0, f[16]);
        assertEquals(0, f[17]);
    }
}
