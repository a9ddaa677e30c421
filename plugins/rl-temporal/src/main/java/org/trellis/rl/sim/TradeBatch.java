package org.trellis.rl.sim;

import java.util.Arrays;

/**
 * The underlying's trades that arrived during the last tick, (previous tick, this tick], in time order.
 * Reused every tick; its arrays grow only when a tick brings more trades than any tick before.
 */
public final class TradeBatch {
    private long[] time = new long[64];
    private double[] price = new double[64];
    private double[] amount = new double[64];
    private int size;

    void clear() {
        size = 0;
    }

    void add(long millis, double tradePrice, double tradeAmount) {
        if (size == time.length) {
            time = Arrays.copyOf(time, size * 2);
            price = Arrays.copyOf(price, size * 2);
            amount = Arrays.copyOf(amount, size * 2);
        }
        time[size] = millis;
        price[size] = tradePrice;
        amount[size] = tradeAmount;
        size++;
    }

    public int size() {
        return size;
    }

    /** Epoch ms of trade i. */
    public long time(int i) {
        return time[i];
    }

    public double price(int i) {
        return price[i];
    }

    public double amount(int i) {
        return amount[i];
    }
}
