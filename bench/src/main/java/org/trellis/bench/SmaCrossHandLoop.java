package org.trellis.bench;

/**
 * The sma-cross backtest written by hand over {@code double[]}: the reference for "how fast could
 * this be". It does the arithmetic the engine does, in the same order, so its trades and equity match
 * the engine's exactly:
 * <ul>
 *   <li>rolling sums of the close ({@code sum += new - leaving}), rebuilt from the window every
 *       {@code max(window, 1024)} additions (as SmaFeatures);</li>
 *   <li>a cross is a change of sign of {@code fast - slow} against the last bar where they differed,
 *       differences within SmaCross's relative tie tolerance counting as equal;</li>
 *   <li>orders decided at a bar's close fill at the next bar's open, with slippage against the trader
 *       and a fee on the slipped notional; entries put all equity in, less a cost buffer;</li>
 *   <li>equity is marked at every close and kept per bar, with its running peak;</li>
 *   <li>long only; a position still open when the data ends is sold at the last close.</li>
 * </ul>
 */
public final class SmaCrossHandLoop {

    /** What one run produced. {@code equity} holds the marked equity after each bar. */
    public record Result(int trades, double finalEquity, double peakEquity, double feesPaid, double[] equity) {
    }

    /** SmaCross's tie tolerance, repeated here so the reference stays a self-contained loop. */
    static final double TIE_TOLERANCE = 1e-12;

    private SmaCrossHandLoop() {
    }

    /**
     * Runs the strategy over {@code n = close.length} bars.
     *
     * @param entries if not null, receives the bar index of each entry fill (one per trade)
     * @param exits if not null, receives the bar index of each exit fill
     */
    public static Result run(double[] open, double[] close, int fast, int slow, double capital, double feeBps,
                             double slippageBps, int[] entries, int[] exits) {
        final int n = close.length;
        final double feeRate = feeBps / 10_000.0;
        final double slippageRate = slippageBps / 10_000.0;
        final double costBuffer = (feeBps + slippageBps) / 10_000.0;
        final double[] equityCurve = new double[n];
        double fastSum = 0;
        double slowSum = 0;
        double cash = capital;
        double peak = capital;
        double fees = 0;
        double quantity = 0;
        int relation = 0;
        int trades = 0;
        // 0: nothing pending, +1: a buy of pendingQty waits for the next open, -1: a sell of pendingQty
        int pending = 0;
        double pendingQty = 0;
        // additions left until each window's sum is rebuilt (no division on the hot path)
        final int fastResum = Math.max(fast, 1024);
        final int slowResum = Math.max(slow, 1024);
        int fastWrap = fastResum;
        int slowWrap = slowResum;
        for (int i = 0; i < n; i++) {
            // 1. fill what was decided at the previous close, at this bar's open
            if (pending != 0) {
                double q = pendingQty;
                if (pending > 0) {
                    double price = open[i] * (1 + slippageRate);
                    double fee = q * price * feeRate;
                    cash += -(q * price) - fee;
                    fees += fee;
                    quantity = q;
                    if (entries != null) {
                        entries[trades] = i;
                    }
                } else {
                    double price = open[i] * (1 - slippageRate);
                    double fee = q * price * feeRate;
                    cash += q * price - fee;
                    fees += fee;
                    quantity = 0;
                    if (exits != null) {
                        exits[trades] = i;
                    }
                    trades++;
                }
                pending = 0;
            }
            // 2. the two moving averages of the close
            double c = close[i];
            fastSum += c - (i >= fast ? close[i - fast] : 0.0);
            if (--fastWrap == 0) {
                fastWrap = fastResum;
                fastSum = windowSum(close, i + 1 - fast, i);
            }
            slowSum += c - (i >= slow ? close[i - slow] : 0.0);
            if (--slowWrap == 0) {
                slowWrap = slowResum;
                slowSum = windowSum(close, i + 1 - slow, i);
            }
            // 3. cross detection once the slow window is full, then the order for the next open
            if (i + 1 >= slow) {
                double a = fastSum / fast;
                double b = slowSum / slow;
                double diff = a - b;
                int now = Math.abs(diff) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) ? 0 : diff > 0 ? 1 : -1;
                if (now != 0) {
                    if (relation != 0 && now != relation) {
                        if (now > 0 && quantity == 0) {
                            double equity = cash;
                            double size = equity * 1.0 / (c * (1 + costBuffer));
                            if (size > 0) {
                                pending = 1;
                                pendingQty = size;
                            }
                        } else if (now < 0 && quantity > 0) {
                            pending = -1;
                            pendingQty = quantity;
                        }
                    }
                    relation = now;
                }
            }
            // 4. mark to market
            double equity = quantity == 0 ? cash : cash + quantity * c;
            if (equity > peak) {
                peak = equity;
            }
            equityCurve[i] = equity;
        }
        // end of data: a pending order is dropped; an open position is sold at the last close
        if (quantity != 0) {
            double price = close[n - 1] * (1 - slippageRate);
            double fee = quantity * price * feeRate;
            cash += quantity * price - fee;
            fees += fee;
            quantity = 0;
            if (exits != null) {
                exits[trades] = n - 1;
            }
            trades++;
            equityCurve[n - 1] = cash;
        }
        return new Result(trades, cash, peak, fees, equityCurve);
    }

    private static double windowSum(double[] values, int from, int to) {
        double s = 0;
        for (int j = from; j <= to; j++) {
            s += values[j];
        }
        return s;
    }
}
