package org.trellis.rl.sim;

import java.util.SplittableRandom;

/**
 * A seeded synthetic trade stream generated lazily, trade by trade. The first trade is at the start time
 * and the start price; after it, with dt ~ Exponential(rate) seconds between trades,
 * <pre>
 *   x  += (drift + kappa * (x - m) / T) dt + volatility * sqrt(dt) * Z + J     (x = log price)
 *   m  += (x - m) * (1 - exp(-dt / T))                                            (moving average of x)
 *   J   = N(0, jumpSigma) with probability 1 - exp(-jumpsPerHour * dt / 3600), else 0
 *   amount = medianAmount * exp(amountSigma * Z')
 * </pre>
 * Same process and seed give the same trades. Times are rounded down to whole milliseconds.
 */
public final class SyntheticTrades implements TradeCursor {
    private final SyntheticProcess p;
    private final SplittableRandom random;
    private final double jumpsPerSecond;
    private double seconds;
    private double logPrice;
    private double average;
    private long time;
    private double price;
    private double amount;

    public SyntheticTrades(SyntheticProcess process, long startMillis, long seed) {
        this.p = process;
        this.random = new SplittableRandom(seed);
        this.jumpsPerSecond = process.jumpsPerHour() / 3600;
        this.seconds = startMillis / 1000.0;
        this.logPrice = Math.log(process.startPrice());
        this.average = logPrice;
        this.time = startMillis;
        this.price = process.startPrice();
        this.amount = drawAmount();
    }

    @Override
    public boolean hasTrade() {
        return true;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public double price() {
        return price;
    }

    @Override
    public double amount() {
        return amount;
    }

    @Override
    public void next() {
        double dt = random.nextExponential() / p.tradesPerSecond();
        double trend = p.momentum() * (logPrice - average) / p.momentumSeconds();
        logPrice += (p.drift() + trend) * dt + p.volatility() * Math.sqrt(dt) * random.nextGaussian();
        if (random.nextDouble() < -Math.expm1(-jumpsPerSecond * dt)) {
            logPrice += p.jumpSigma() * random.nextGaussian();
        }
        average += (logPrice - average) * -Math.expm1(-dt / p.momentumSeconds());
        seconds += dt;
        time = Math.max(time, (long) Math.floor(seconds * 1000));
        price = Math.exp(logPrice);
        amount = drawAmount();
    }

    private double drawAmount() {
        return p.medianAmount() * Math.exp(p.amountSigma() * random.nextGaussian());
    }
}
